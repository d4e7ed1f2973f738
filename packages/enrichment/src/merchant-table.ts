import { billMerchants } from './merchants/bills';
import { eatingOutMerchants, groceryMerchants } from './merchants/food';
import { entertainmentMerchants, healthMerchants, subscriptionMerchants } from './merchants/leisure';
import { moneyMerchants } from './merchants/money';
import type { MerchantRule } from './merchants/rule';
import { shoppingMerchants } from './merchants/shopping';
import { specificMerchants } from './merchants/specific';
import { transportMerchants, travelMerchants } from './merchants/transport';

export type { MerchantRule };

/**
 * UK merchants as they appear in bank descriptions. First match wins: a brand's specific lines first, then the
 * tables whose brands are most often part of another brand's description (insurers, pharmacies) before the
 * broad ones, and shops last because their list holds the most generic names.
 */
export const merchantTable: readonly MerchantRule[] = [
  ...specificMerchants,
  ...billMerchants,
  ...healthMerchants,
  ...groceryMerchants,
  ...eatingOutMerchants,
  ...transportMerchants,
  ...travelMerchants,
  ...subscriptionMerchants,
  ...entertainmentMerchants,
  ...moneyMerchants,
  ...shoppingMerchants,
];
