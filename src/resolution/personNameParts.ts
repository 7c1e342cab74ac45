import { normalizeName } from './normalizeName';

/**
 * Words that come before a name without being part of it. Offices are here
 * too because sources write "President Vladimir Putin" as often as
 * "Vladimir Putin".
 */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'lord',
  'lady',
  'gen',
  'general',
  'col',
  'colonel',
  'president',
  'prime',
  'minister',
  'pm',
  'chancellor',
  'senator',
  'sen',
  'rep',
  'gov',
  'governor',
  'secretary',
  'envoy',
  'special',
  'ambassador',
  'adviser',
  'advisor',
  'foreign',
  'affairs',
  'us',
  'u',
  's',
  'russian',
  'ukrainian',
  'american',
  'the',
  'of',
  'state',
  'defense',
  'defence',
  'chief',
  'deputy',
  'vice',
  'kremlin',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'press',
  'aide',
  'first',
  'lady',
]);

/** A person's name split for comparison (see personNameParts). */
export interface PersonNameParts {
  /** Given name, when the mention has a full one ("vladimir"). */
  given: string | null;
  /** First letter of the given name when only an initial is written ("V. Putin" → "v"). */
  givenInitial: string | null;
  /** Last word: the surname. */
  surname: string;
  /** Full middle names ("tayyip" in "Recep Tayyip Erdoğan"); initials are left out. */
  middles: string[];
  /** True when the mention is the surname alone ("Witkoff"). */
  surnameOnly: boolean;
}

/**
 * Splits a person's name into given name, middle names and surname after normalisation:
 * honorifics and offices before the name are dropped ("President Vladimir
 * Putin"), middle names and initials are ignored ("Vladimir V. Putin"), and a
 * first word of one letter is kept only as an initial ("V. Putin"). Null when
 * nothing of a name is left.
 */
export function personNameParts(name: string): PersonNameParts | null {
  const raw = normalizeName(name).split(' ').filter(Boolean);
  // Honorifics are dropped only before the name proper, never the surname itself ("Mr President" keeps "president").
  let start = 0;
  while (start < raw.length - 1 && HONORIFICS.has(raw[start])) start += 1;
  const words = raw.slice(start);
  if (!words.length) return null;
  const surname = words[words.length - 1];
  if (words.length === 1) return { given: null, givenInitial: null, surname, middles: [], surnameOnly: true };
  const first = words[0];
  const middles = words.slice(1, -1).filter((w) => w.length > 1);
  if (first.length === 1) return { given: null, givenInitial: first, surname, middles, surnameOnly: false };
  return { given: first, givenInitial: first[0], surname, middles, surnameOnly: false };
}
