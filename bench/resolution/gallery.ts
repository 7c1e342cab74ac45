import type { Candidate } from '../../src/resolution';

/**
 * The entities the labelled mentions are resolved against: the persons and
 * bodies of the seeded article and of the news around it, with the aliases
 * an editor would give them, plus namesakes (Olena Zelenska, Lara Trump,
 * Donald Tusk, Yulia Navalnaya, Dmitry Medvedev beside Dmitry Peskov) so
 * that a shared surname or first name is tested against a real neighbour.
 */
const person = (id: string, name: string, aliases: string[] = []): Candidate => ({ id, type: 'Person', name, aliases, relatedIds: [] });
const org = (id: string, name: string, aliases: string[] = []): Candidate => ({ id, type: 'Organization', name, aliases, relatedIds: [] });
const country = (id: string, name: string, aliases: string[] = []): Candidate => ({ id, type: 'Country', name, aliases, relatedIds: [] });
const place = (id: string, name: string, aliases: string[] = []): Candidate => ({ id, type: 'Place', name, aliases, relatedIds: [] });

export const GALLERY: Candidate[] = [
  person('vladimir-putin', 'Vladimir Putin', ['Putin']),
  person('volodymyr-zelensky', 'Volodymyr Zelensky', ['Zelensky']),
  person('olena-zelenska', 'Olena Zelenska'),
  person('donald-trump', 'Donald Trump', ['Trump']),
  person('lara-trump', 'Lara Trump'),
  person('donald-tusk', 'Donald Tusk', ['Tusk']),
  person('steve-witkoff', 'Steve Witkoff', ['Witkoff']),
  person('yuri-ushakov', 'Yuri Ushakov', ['Ushakov']),
  person('sergey-lavrov', 'Sergey Lavrov', ['Lavrov']),
  person('dmitry-peskov', 'Dmitry Peskov', ['Peskov']),
  person('dmitry-medvedev', 'Dmitry Medvedev'),
  person('andriy-yermak', 'Andriy Yermak'),
  person('kirill-dmitriev', 'Kirill Dmitriev'),
  person('marco-rubio', 'Marco Rubio', ['Rubio']),
  person('emmanuel-macron', 'Emmanuel Macron', ['Macron']),
  person('olaf-scholz', 'Olaf Scholz'),
  person('keir-starmer', 'Keir Starmer'),
  person('recep-tayyip-erdogan', 'Recep Tayyip Erdoğan', ['Erdoğan']),
  person('alexander-lukashenko', 'Alexander Lukashenko', ['Lukashenko']),
  person('mykhailo-podolyak', 'Mykhailo Podolyak'),
  person('antony-blinken', 'Antony Blinken'),
  person('keith-kellogg', 'Keith Kellogg', ['Kellogg']),
  person('maria-zakharova', 'Maria Zakharova', ['Zakharova']),
  person('alexei-navalny', 'Alexei Navalny', ['Navalny']),
  person('yulia-navalnaya', 'Yulia Navalnaya'),
  person('oleksandr-syrskyi', 'Oleksandr Syrskyi'),
  person('valery-gerasimov', 'Valery Gerasimov'),
  org('kremlin', 'Kremlin', ['the Kremlin']),
  org('associated-press', 'Associated Press', ['AP']),
  org('afp', 'Agence France-Presse', ['AFP']),
  org('tass', 'TASS', ['TASS news agency']),
  org('united-nations', 'United Nations', ['UN', 'U.N.']),
  org('european-union', 'European Union', ['EU']),
  org('nato', 'NATO', ['North Atlantic Treaty Organization']),
  org('russian-armed-forces', 'Russian armed forces', ['Russian military']),
  country('russia', 'Russia', ['Russian Federation']),
  country('ukraine', 'Ukraine'),
  country('united-states', 'United States', ['U.S.', 'US', 'America']),
  country('austria', 'Austria'),
  country('australia', 'Australia'),
  country('iran', 'Iran'),
  country('iraq', 'Iraq'),
  place('moscow', 'Moscow'),
  place('kyiv', 'Kyiv', ['Kiev']),
  place('moscow-kremlin', 'Moscow Kremlin', ['the Kremlin']),
];
