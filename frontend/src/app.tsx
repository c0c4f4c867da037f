// The shell: skip link, header with role-aware navigation and login state,
// the page of the current route, and the footer.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox, Loading, PageTitle, toUserMessage, useDocumentTitle } from './components/common';
import { FrameworkPage, Frameworks } from './pages/Frameworks';
import { GoalPage } from './pages/Goal';
import { Home } from './pages/Home';
import { LessonView } from './pages/Lesson';
import { Lessons } from './pages/Lessons';
import { Login } from './pages/Login';
import { Coverage } from './pages/Coverage';
import { LeerlijnPage } from './pages/Leerlijn';
import { PlanPage } from './pages/Plan';
import { ProposalPage } from './pages/Proposal';
import { Plans } from './pages/Plans';
import type { UserMessage } from './problem';
import { href, parseHash, type Route } from './router';
import { describeUser, fetchMe, logOut, navItems, type Me } from './session';

function NotFound() {
  useDocumentTitle('Pagina niet gevonden');
  return (
    <>
      <PageTitle>Pagina niet gevonden</PageTitle>
      <p>Deze pagina bestaat niet. Ga naar de <a href="#/">startpagina</a> of <a href="#/lessen">zoek lessen</a>.</p>
    </>
  );
}

/** The page's identity: focus moves to its heading only when it changes. */
function pageKey(r: Route): string {
  switch (r.name) {
    case 'framework': return `framework:${r.code}`;
    case 'goal': return `goal:${r.id}`;
    case 'lesson': return `lesson:${r.id}`;
    case 'plan': return `plan:${r.id}`;
    default: return r.name;
  }
}

function isCurrent(itemHref: string, route: Route): boolean {
  const here = href(route);
  return here === itemHref || here.startsWith(`${itemHref}?`) ||
    (itemHref === '#/kaders' && (route.name === 'framework' || route.name === 'goal')) ||
    (itemHref === '#/jaarplan' && route.name === 'plan');
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [me, setMe] = useState<Me | null>(null);
  const [meKnown, setMeKnown] = useState(false);
  const [sessionError, setSessionError] = useState<UserMessage | null>(null);
  // On a phone the menu folds into a button; it closes again on each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  const lastKey = useRef<string>(pageKey(route));

  useEffect(() => {
    const onHash = () => { setRoute(parseHash(location.hash)); setMenuOpen(false); };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    fetchMe(ctl.signal).then((who) => { setMe(who); setMeKnown(true); }, (err) => {
      if (!ctl.signal.aborted) {
        setSessionError(toUserMessage(err).error);
        setMeKnown(true);
      }
    });
    return () => ctl.abort();
  }, []);

  // After a navigation to another page, put focus on its heading so that
  // screen readers announce it and Tab starts from the new content.
  useEffect(() => {
    const key = pageKey(route);
    if (key === lastKey.current) return;
    lastKey.current = key;
    window.scrollTo(0, 0);
    document.getElementById('page-title')?.focus();
  }, [route]);

  const onLogin = (who: Me | null, next: string) => {
    setMe(who);
    location.hash = next;
  };
  const onLogout = async () => {
    try {
      await logOut();
      setSessionError(null);
    } catch (err) {
      setSessionError(toUserMessage(err).error);
    }
    setMe(null);
    location.hash = '#/';
  };

  const skip = (e: Event) => {
    e.preventDefault();
    const h = document.getElementById('page-title') ?? document.getElementById('main');
    h?.focus();
  };

  let page;
  switch (route.name) {
    case 'home': page = <Home me={me} />; break;
    case 'frameworks': page = <Frameworks />; break;
    case 'framework': page = <FrameworkPage key={route.code} code={route.code} />; break;
    case 'goal': page = <GoalPage key={route.id} id={route.id} me={me} />; break;
    case 'lessons': page = <Lessons params={route.params} />; break;
    case 'lesson': page = <LessonView key={route.id} id={route.id} me={me} />; break;
    case 'login': page = <Login me={me} next={route.next} onLogin={onLogin} />; break;
    case 'plans': page = <Plans me={me} params={route.params} />; break;
    case 'plan': page = <PlanPage key={route.id} id={route.id} me={me} />; break;
    case 'leerlijn': page = <LeerlijnPage me={me} params={route.params} />; break;
    case 'proposal': page = <ProposalPage me={me} params={route.params} />; break;
    case 'coverage': page = <Coverage me={me} params={route.params} />; break;
    default: page = <NotFound />;
  }
  // The planner and coverage pages depend on who is logged in.
  if (!meKnown && ['plans', 'plan', 'leerlijn', 'coverage'].includes(route.name)) page = <Loading what="Je gegevens" />;

  return (
    <>
      <a class="skip-link" href="#main" onClick={skip}>Naar de inhoud</a>
      <header class="site-header">
        <div class="header-inner">
          <a class="brand" href="#/">Leerlijn</a>
          <button type="button" class="menu-button button-secondary button-small" aria-expanded={menuOpen}
            aria-controls="menu" onClick={() => setMenuOpen(!menuOpen)}>
            Menu<span class="sr-only"> {menuOpen ? 'sluiten' : 'openen'}</span>
          </button>
          <div id="menu" class={menuOpen ? 'menu menu-open' : 'menu'}>
          <nav aria-label="Hoofdmenu" class="main-nav">
            <ul>
              {navItems(me).map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={isCurrent(item.href, route) ? 'page' : undefined}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="user-area">
            {me ? (
              <>
                <span class="user-name">{describeUser(me)}</span>
                <button type="button" class="button-secondary button-small" onClick={onLogout}>Uitloggen</button>
              </>
            ) : route.name !== 'login' && (
              <a href={href({ name: 'login', next: href(route) })} class="login-link">Inloggen</a>
            )}
          </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {sessionError && <ErrorBox error={sessionError} title="Je sessie kon niet worden gecontroleerd" />}
        {page}
      </main>
      <footer class="site-footer">
        <p>Leerlijn — lessen en leerdoelen voor de preventie van mensenhandel en uitbuiting.
</p>
      </footer>
    </>
  );
}
