import { createPrng } from '../prng';

export type UserProfile = {
  firstName: string;
  lastName: string;
  fullName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  address: { address: string; city: string; zip: string; country: string };
};

const SURNAMES = [
  'Smith',
  'Taylor',
  'Patel',
  'Jones',
  'Williams',
  'Brown',
  'Khan',
  'Evans',
  'Roberts',
  'Walker',
];
const STREETS = [
  'Caledonian Road',
  'Holloway Road',
  'Mare Street',
  'Coldharbour Lane',
  'Upper Street',
  'Balham High Road',
];

/** Who the mock bank says the user is (`/info`, names on cards). TrueLayer's own `john` is John Doe. */
export function describeProfile(seed: number, user: string): UserProfile {
  const prng = createPrng(seed, user, 'profile');
  const base = /^[A-Za-z]+/.exec(user)?.[0] ?? 'User';
  const firstName = base.charAt(0).toUpperCase() + base.slice(1).toLowerCase();
  const lastName = user === 'john' ? 'Doe' : prng.pick(SURNAMES);
  const year = prng.int(1965, 2000);
  const month = String(prng.int(1, 12)).padStart(2, '0');
  const day = String(prng.int(1, 28)).padStart(2, '0');
  return {
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    dateOfBirth: `${year}-${month}-${day}T00:00:00`,
    email: `${user.toLowerCase()}@example.com`,
    phone: `+447700${String(prng.int(900000, 900999))}`,
    address: {
      address: `${prng.int(1, 240)} ${prng.pick(STREETS)}`,
      city: 'London',
      zip: `N${prng.int(1, 19)} ${prng.int(1, 9)}${String.fromCharCode(65 + prng.int(0, 25))}${String.fromCharCode(65 + prng.int(0, 25))}`,
      country: 'GB',
    },
  };
}
