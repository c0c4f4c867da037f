// The start page: what Leerlijn is and where each user begins.

import { PageTitle, useDocumentTitle } from '../components/common';
import type { Me } from '../session';

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
