import type { EntityType } from '../../src/model';

/** A labelled mention: the id it names in GALLERY, or null when it names someone or something else. */
export interface LabelledPair {
  category: 'exact' | 'transliteration' | 'initials' | 'honorific' | 'surname only' | 'typo' | 'different entity';
  type: EntityType;
  mention: string;
  expected: string | null;
}

const P = 'Person' as const;
const pairs = (category: LabelledPair['category'], type: EntityType, rows: [string, string | null][]): LabelledPair[] =>
  rows.map(([mention, expected]) => ({ category, type, mention, expected }));

/**
 * The labelled set of bench:resolution, built by hand from how news
 * sources write these names. Expected ids were decided by a person, not by
 * the algorithm; a mention that a careful editor could not attribute
 * without more context (a bare shared first name) is labelled null.
 */
export const LABELLED_PAIRS: LabelledPair[] = [
  ...pairs('exact', P, [
    ['Vladimir Putin', 'vladimir-putin'], ['vladimir putin', 'vladimir-putin'], ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ['Donald Trump', 'donald-trump'], ['Steve Witkoff', 'steve-witkoff'], ['Yuri Ushakov', 'yuri-ushakov'],
    ['Olena Zelenska', 'olena-zelenska'], ['Lara Trump', 'lara-trump'], ['Donald Tusk', 'donald-tusk'],
    ['Dmitry Medvedev', 'dmitry-medvedev'], ['Recep Tayyip Erdogan', 'recep-tayyip-erdogan'], ['Yulia Navalnaya', 'yulia-navalnaya'],
  ]),
  ...pairs('transliteration', P, [
    ['Zelenskyy', 'volodymyr-zelensky'], ['Zelenskiy', 'volodymyr-zelensky'], ['Zelenskyi', 'volodymyr-zelensky'],
    ['Volodymyr Zelenskyy', 'volodymyr-zelensky'], ['Volodymyr Zelenskiy', 'volodymyr-zelensky'], ['Wolodymyr Zelensky', 'volodymyr-zelensky'],
    ['Wladimir Putin', 'vladimir-putin'], ['Sergei Lavrov', 'sergey-lavrov'], ['Sergey Lavrov', 'sergey-lavrov'],
    ['Dmitri Peskov', 'dmitry-peskov'], ['Dmitriy Peskov', 'dmitry-peskov'], ['Dmitrii Peskov', 'dmitry-peskov'],
    ['Yury Ushakov', 'yuri-ushakov'], ['Yuriy Ushakov', 'yuri-ushakov'], ['Juri Ushakov', 'yuri-ushakov'],
    ['Aleksandr Lukashenko', 'alexander-lukashenko'], ['Andrii Yermak', 'andriy-yermak'], ['Andriy Jermak', 'andriy-yermak'],
    ['Andriy Yermack', 'andriy-yermak'], ['Aleksei Navalny', 'alexei-navalny'], ['Alexey Navalny', 'alexei-navalny'],
    ['Alexei Navalnyy', 'alexei-navalny'], ['Oleksandr Syrskyy', 'oleksandr-syrskyi'], ['Oleksandr Syrskiy', 'oleksandr-syrskyi'],
    ['Oleksandr Syrsky', 'oleksandr-syrskyi'], ['Valeriy Gerasimov', 'valery-gerasimov'], ['Valeri Gerasimov', 'valery-gerasimov'],
    ['Mykhaylo Podolyak', 'mykhailo-podolyak'], ['Dmitry Peskow', 'dmitry-peskov'], ['Kirill Dmitriev', 'kirill-dmitriev'],
    ['Recep Erdoğan', 'recep-tayyip-erdogan'], ['Erdogan', 'recep-tayyip-erdogan'], ['Tayyip Erdogan', 'recep-tayyip-erdogan'],
    ['Marija Zakharova', 'maria-zakharova'],
  ]),
  ...pairs('initials', P, [
    ['V. Putin', 'vladimir-putin'], ['Vladimir V. Putin', 'vladimir-putin'], ['V. V. Putin', 'vladimir-putin'],
    ['Donald J. Trump', 'donald-trump'], ['D. Trump', 'donald-trump'], ['S. Lavrov', 'sergey-lavrov'],
    ['Sergey V. Lavrov', 'sergey-lavrov'], ['M. Rubio', 'marco-rubio'], ['Marco A. Rubio', 'marco-rubio'],
    ['E. Macron', 'emmanuel-macron'], ['Emmanuel J. Macron', 'emmanuel-macron'], ['K. Starmer', 'keir-starmer'],
    ['Y. Ushakov', 'yuri-ushakov'], ['V. Zelensky', 'volodymyr-zelensky'], ['A. Blinken', 'antony-blinken'],
    ['Antony J. Blinken', 'antony-blinken'], ['J. Ushakov', 'yuri-ushakov'], ['D. Tusk', 'donald-tusk'],
    ['O. Scholz', 'olaf-scholz'], ['Steve C. Witkoff', 'steve-witkoff'],
  ]),
  ...pairs('honorific', P, [
    ['President Putin', 'vladimir-putin'], ['President Vladimir Putin', 'vladimir-putin'], ['Russian President Vladimir Putin', 'vladimir-putin'],
    ['Mr. Trump', 'donald-trump'], ['U.S. President Donald Trump', 'donald-trump'], ['Mr Witkoff', 'steve-witkoff'],
    ['Special Envoy Steve Witkoff', 'steve-witkoff'], ['Foreign Minister Sergey Lavrov', 'sergey-lavrov'],
    ['Secretary of State Marco Rubio', 'marco-rubio'], ['Chancellor Olaf Scholz', 'olaf-scholz'],
    ['Prime Minister Keir Starmer', 'keir-starmer'], ['Sir Keir Starmer', 'keir-starmer'], ['Kremlin spokesman Dmitry Peskov', 'dmitry-peskov'],
    ['Ukrainian President Volodymyr Zelensky', 'volodymyr-zelensky'], ['President Zelenskyy', 'volodymyr-zelensky'],
    ['General Valery Gerasimov', 'valery-gerasimov'], ['Gen. Keith Kellogg', 'keith-kellogg'], ['First Lady Olena Zelenska', 'olena-zelenska'],
    ['President Macron', 'emmanuel-macron'], ['Ms. Zakharova', 'maria-zakharova'],
  ]),
  ...pairs('surname only', P, [
    ['Witkoff', 'steve-witkoff'], ['Putin', 'vladimir-putin'], ['Zelensky', 'volodymyr-zelensky'], ['Lavrov', 'sergey-lavrov'],
    ['Peskov', 'dmitry-peskov'], ['Ushakov', 'yuri-ushakov'], ['Podolyak', 'mykhailo-podolyak'], ['Yermak', 'andriy-yermak'],
    ['Medvedev', 'dmitry-medvedev'], ['Starmer', 'keir-starmer'], ['Scholz', 'olaf-scholz'], ['Macron', 'emmanuel-macron'],
    ['Rubio', 'marco-rubio'], ['Kellogg', 'keith-kellogg'], ['Blinken', 'antony-blinken'], ['Lukashenko', 'alexander-lukashenko'],
    ['Navalny', 'alexei-navalny'], ['Navalnaya', 'yulia-navalnaya'], ['Zelenska', 'olena-zelenska'], ['Trump', 'donald-trump'],
    ['Syrskyi', 'oleksandr-syrskyi'], ['Gerasimov', 'valery-gerasimov'], ['Dmitriev', 'kirill-dmitriev'], ['Tusk', 'donald-tusk'],
  ]),
  ...pairs('typo', P, [
    ['Witkof', 'steve-witkoff'], ['Steve Witkof', 'steve-witkoff'], ['Vladmir Putin', 'vladimir-putin'], ['Volodimir Zelensky', 'volodymyr-zelensky'],
    ['Volodymyr Zelenksy', 'volodymyr-zelensky'], ['Marco Rubbio', 'marco-rubio'], ['Emanuel Macron', 'emmanuel-macron'],
    ['Keir Starmr', 'keir-starmer'], ['Sergey Lavrow', 'sergey-lavrov'], ['Antony Blinkin', 'antony-blinken'],
    ['Yuri Ushakow', 'yuri-ushakov'], ['Donald Trumpp', 'donald-trump'], ['Alexander Lukashenka', 'alexander-lukashenko'],
    ['Dmitry Medvedyev', 'dmitry-medvedev'], ['Olaf Sholz', 'olaf-scholz'], ['Kieth Kellogg', 'keith-kellogg'],
  ]),
  ...pairs('different entity', P, [
    ['Maria Zelensky', null], ['Donald Putin', null], ['Vladimir Zelensky', null], ['Eric Trump', null], ['Donald Trump Jr.', null],
    ['Melania Trump', null], ['Ivan Lavrov', null], ['Anna Peskova', null], ['Alexander Putin', null], ['Keith Starmer', null],
    ['Mario Rubio', null], ['Olaf Tusk', null], ['Donald Rubio', null], ['Yulia Zelenska', null], ['Sergey Shoigu', null],
    ['Dmitry Kuleba', null], ['Andrew Sullivan', null], ['Jake Sullivan', null], ['Maria Navalnaya', null], ['Kirill Peskov', null],
    ['Elizaveta Peskova', null], ['Lyudmila Putina', null], ['Steve Bannon', null], ['Steven Spielberg', null],
    ['Alexander Lukashevich', null], ['Oleksandr Zelensky', null], ['Yuri Gagarin', null], ['Marco Polo', null],
    ['Donald Duck', null], ['V. Zelenska', null],
  ]),
  ...pairs('exact', 'Organization', [
    ['the Kremlin', 'kremlin'], ['Kremlin', 'kremlin'], ['Associated Press', 'associated-press'], ['AP', 'associated-press'],
    ['AFP', 'afp'], ['Agence France Presse', 'afp'], ['TASS', 'tass'], ['Tass', 'tass'], ['U.N.', 'united-nations'], ['UN', 'united-nations'],
    ['NATO', 'nato'], ['Nato', 'nato'], ['EU', 'european-union'],
  ]),
  ...pairs('honorific', 'Organization', [['The Associated Press', 'associated-press'], ['the United Nations', 'united-nations']]),
  ...pairs('typo', 'Organization', [
    ['Assocated Press', 'associated-press'], ['Agence France-Press', 'afp'], ['European Unoin', 'european-union'],
    ['Russian armed force', 'russian-armed-forces'],
  ]),
  ...pairs('different entity', 'Organization', [
    ['Associated Press of Pakistan', null], ['Reuters', null], ['United Nations Security Council', null], ['Ukrainian armed forces', null],
    ['European Commission', null], ['RIA Novosti', null],
  ]),
  ...pairs('exact', 'Country', [
    ['Russian Federation', 'russia'], ['U.S.', 'united-states'], ['US', 'united-states'], ['America', 'united-states'], ['Ukraine', 'ukraine'],
    ['Austria', 'austria'], ['Iraq', 'iraq'], ['Iran', 'iran'],
  ]),
  ...pairs('honorific', 'Country', [['the Ukraine', 'ukraine'], ['the United States', 'united-states']]),
  ...pairs('different entity', 'Country', [['United Arab Emirates', null], ['Belarus', null], ['Austrlia', null], ['Irak', null]]),
  ...pairs('exact', 'Place', [['Kiev', 'kyiv'], ['Kyiv', 'kyiv'], ['Moscow', 'moscow'], ['the Kremlin', 'moscow-kremlin']]),
  ...pairs('transliteration', 'Place', [['Moskva', null], ['Kyyiv', 'kyiv']]),
];
