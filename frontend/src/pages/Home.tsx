// The start page: what Leerlijn is and where each user begins.

import { PageTitle, useDocumentTitle } from '../components/common';
import { navItems, type Me } from '../session';

/** What each page of a role is for, on the start page. */
const ROLE_CARDS: Record<string, string> = {
  '#/jaarplan': 'Plan per schooljaar welke lessen elke groep of klas krijgt, in welke week; met de schoolvakanties en waarschuwingen.',
  '#/leerlijn': 'Zie per niveau en schooljaar welke lessen er gepland zijn: de doorlopende leerlijn van je school.',
  '#/dekking': 'Bekijk welke leerdoelen op welke niveaus gedekt zijn, waar de leemtes zitten, en download het als CSV.',
};

export function Home({ me }: { me: Me | null }) {
  useDocumentTitle('');
  return (
    <>
      <PageTitle>Leerlijn</PageTitle>
      <p class="lead">
        Lessen over de preventie van mensenhandel, seksuele en criminele uitbuiting,
        gekoppeld aan de leerdoelen van de curriculumkaders — zodat preventie een vaste plek
        krijgt in het lesprogramma, van groep 1 tot het laatste jaar van het voortgezet onderwijs.
      </p>
      {me && <p>Welkom, {me.displayName}.</p>}
      <ul class="cards" aria-label="Waar wil je beginnen?">
        {navItems(me).filter((i) => ROLE_CARDS[i.href]).map((i) => (
          <li class="card" key={i.href}>
            <h2><a href={i.href}>{i.label}</a></h2>
            <p>{ROLE_CARDS[i.href]}</p>
          </li>
        ))}
        <li class="card">
          <h2><a href="#/kaders">Leerdoelen bekijken</a></h2>
          <p>Blader door de kaders (zoals Curriculum.nu digitale geletterdheid en de SLO-kerndoelen),
            kies een leerdoel en zie welke lessen erbij passen.</p>
        </li>
        <li class="card">
          <h2><a href="#/lessen">Lessen zoeken</a></h2>
          <p>Zoek lessen op niveau, thema, duur, erkenning en vrije tekst.</p>
        </li>
      </ul>
      <section class="notice notice-note" aria-labelledby="safety-first">
        <h2 id="safety-first">Voor je een les geeft</h2>
        <p>Bij elke les staat de checklist <q>Veiligheid in de klas</q> en — altijd aan het eind —
          waar leerlingen hulp kunnen vinden. Neem beide door voordat je de les geeft.</p>
      </section>
    </>
  );
}
