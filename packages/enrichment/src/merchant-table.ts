import type { Category } from './categories';

type MerchantRule = {
  /** Tested against the description and the bank's merchant name, upper-cased (see normaliseForMatching). */
  pattern: RegExp;
  merchant: string;
  category: Category;
};

const rule = (pattern: RegExp, merchant: string, category: Category): MerchantRule => ({
  pattern,
  merchant,
  category,
});

/**
 * UK merchants as they appear in bank descriptions. First match wins, so a brand's specific lines
 * (TESCO MOBILE, UBER EATS, AMAZON PRIME, SKY BET) come before the brand itself.
 */
export const merchantTable: readonly MerchantRule[] = [
  // Groceries
  rule(/\bTESCO MOBILE\b/, 'Tesco Mobile', 'Bills & utilities'),
  rule(/\bTESCO (PFS|PETROL)\b/, 'Tesco Petrol', 'Transport'),
  rule(/\bTESCO\b/, 'Tesco', 'Groceries'),
  rule(/\b(SAINSBURYS|SAINSBURY|JS ONLINE)\b/, "Sainsbury's", 'Groceries'),
  rule(/\bASDA\b/, 'Asda', 'Groceries'),
  rule(/\b(WM )?MORRISONS?\b/, 'Morrisons', 'Groceries'),
  rule(/\bWAITROSE\b/, 'Waitrose', 'Groceries'),
  rule(/\bALDI\b/, 'Aldi', 'Groceries'),
  rule(/\bLIDL\b/, 'Lidl', 'Groceries'),
  rule(/\b(CO-?OP|COOPERATIVE|CO-OPERATIVE)\b/, 'Co-op', 'Groceries'),
  rule(/\bICELAND (FOODS|STORES)\b/, 'Iceland', 'Groceries'),
  rule(/\bOCADO\b/, 'Ocado', 'Groceries'),
  rule(/\b(M&S|MARKS & SPENCER|MARKS AND SPENCER) SIMPLY FOOD\b/, 'M&S Food', 'Groceries'),
  // Eating out (delivery apps before the ride apps of the same brand)
  rule(/\bUBER ?\*? ?EATS\b/, 'Uber Eats', 'Eating out'),
  rule(/\bDELIVEROO\b/, 'Deliveroo', 'Eating out'),
  rule(/\bJUST ?EAT\b/, 'Just Eat', 'Eating out'),
  rule(/\bPRET( A MANGER)?\b/, 'Pret A Manger', 'Eating out'),
  rule(/\bSTARBUCKS\b/, 'Starbucks', 'Eating out'),
  rule(/\bCOSTA\b/, 'Costa Coffee', 'Eating out'),
  rule(/\bCAFFE NERO\b/, 'Caffè Nero', 'Eating out'),
  rule(/\bGREGGS\b/, 'Greggs', 'Eating out'),
  rule(/\bMC ?DONALDS\b/, "McDonald's", 'Eating out'),
  rule(/\bKFC\b/, 'KFC', 'Eating out'),
  rule(/\bNANDOS\b/, "Nando's", 'Eating out'),
  rule(/\bBURGER KING\b/, 'Burger King', 'Eating out'),
  rule(/\bWAGAMAMA\b/, 'Wagamama', 'Eating out'),
  rule(/\bPIZZA EXPRESS\b/, 'PizzaExpress', 'Eating out'),
  rule(/\bDOMINOS\b/, "Domino's", 'Eating out'),
  rule(/\bITSU\b/, 'itsu', 'Eating out'),
  rule(/\b(JD )?WETHERSPOONS?\b/, 'Wetherspoon', 'Eating out'),
  // Transport
  rule(/\b(TFL|TRANSPORT FOR LONDON)\b/, 'Transport for London', 'Transport'),
  rule(/\bUBER\b/, 'Uber', 'Transport'),
  rule(/\bBOLT\.EU\b/, 'Bolt', 'Transport'),
  rule(/\bTRAINLINE\b/, 'Trainline', 'Transport'),
  rule(
    /\b(LNER|AVANTI WEST COAST|GWR|NORTHERN RAIL|SOUTHERN RAIL|SOUTHEASTERN)\b/,
    'National Rail',
    'Transport',
  ),
  rule(/\bSHELL\b/, 'Shell', 'Transport'),
  rule(/\bBP\b/, 'BP', 'Transport'),
  rule(/\bESSO\b/, 'Esso', 'Transport'),
  rule(/\bTEXACO\b/, 'Texaco', 'Transport'),
  rule(/\bRINGGO\b/, 'RingGo', 'Transport'),
  rule(/\bPAYBYPHONE\b/, 'PayByPhone', 'Transport'),
  rule(/\bDVLA\b/, 'DVLA', 'Transport'),
  // Subscriptions (before the shops that sell them)
  rule(/\b(AMAZON PRIME|PRIME VIDEO|AMZN PRIME)\b/, 'Amazon Prime', 'Subscriptions'),
  rule(/\bNETFLIX\b/, 'Netflix', 'Subscriptions'),
  rule(/\bSPOTIFY\b/, 'Spotify', 'Subscriptions'),
  rule(/\bDISNEY ?PLUS\b/, 'Disney+', 'Subscriptions'),
  rule(/\bAPPLE\.COM\/BILL\b/, 'Apple', 'Subscriptions'),
  rule(/\bGOOGLE ?\*? ?(ONE|STORAGE|YOUTUBE)|\bYOUTUBE ?PREMIUM\b/, 'Google', 'Subscriptions'),
  rule(/\bAUDIBLE\b/, 'Audible', 'Subscriptions'),
  rule(/\bNOW ?TV\b/, 'NOW', 'Subscriptions'),
  rule(/\b(MICROSOFT|MSFT)\b/, 'Microsoft', 'Subscriptions'),
  rule(/\b(OPENAI|CHATGPT)\b/, 'OpenAI', 'Subscriptions'),
  // Shopping
  rule(/\b(AMZNMKTPLACE|AMZN MKTP|AMAZON)\b/, 'Amazon', 'Shopping'),
  rule(/\bEBAY\b/, 'eBay', 'Shopping'),
  rule(/\bARGOS\b/, 'Argos', 'Shopping'),
  rule(/\bJOHN LEWIS\b/, 'John Lewis', 'Shopping'),
  rule(/\bIKEA\b/, 'IKEA', 'Shopping'),
  rule(/\bPRIMARK\b/, 'Primark', 'Shopping'),
  rule(/\b(M&S|MARKS & SPENCER|MARKS AND SPENCER)\b/, 'M&S', 'Shopping'),
  rule(/\bTK ?MAXX\b/, 'TK Maxx', 'Shopping'),
  rule(/\bCURRYS\b/, 'Currys', 'Shopping'),
  rule(/\bASOS\b/, 'ASOS', 'Shopping'),
  rule(/\bB&Q\b/, 'B&Q', 'Shopping'),
  rule(/\bSCREWFIX\b/, 'Screwfix', 'Shopping'),
  rule(/\bWH ?SMITH\b/, 'WHSmith', 'Shopping'),
  // Entertainment (the bookmaker before the broadcaster)
  rule(/\bSKY ?BET\b/, 'Sky Bet', 'Entertainment'),
  rule(/\bCINEWORLD\b/, 'Cineworld', 'Entertainment'),
  rule(/\bODEON\b/, 'Odeon', 'Entertainment'),
  rule(/\bTICKETMASTER\b/, 'Ticketmaster', 'Entertainment'),
  rule(/\bSTEAM(GAMES| PURCHASE)\b/, 'Steam', 'Entertainment'),
  rule(/\b(PLAYSTATION|SONY INTERACTIVE)\b/, 'PlayStation', 'Entertainment'),
  // Health
  rule(/\bBOOTS\b/, 'Boots', 'Health'),
  rule(/\bSUPERDRUG\b/, 'Superdrug', 'Health'),
  rule(/\bSPECSAVERS\b/, 'Specsavers', 'Health'),
  rule(/\bPURE ?GYM\b/, 'PureGym', 'Health'),
  rule(/\bTHE GYM GROUP\b/, 'The Gym Group', 'Health'),
  // Travel
  rule(/\bRYANAIR\b/, 'Ryanair', 'Travel'),
  rule(/\bEASYJET\b/, 'easyJet', 'Travel'),
  rule(/\bBRITISH A(IRWAYS|\/W)\b/, 'British Airways', 'Travel'),
  rule(/\bJET2\b/, 'Jet2', 'Travel'),
  rule(/\bAIRBNB\b/, 'Airbnb', 'Travel'),
  rule(/\bBOOKING\.COM\b/, 'Booking.com', 'Travel'),
  rule(/\bPREMIER INN\b/, 'Premier Inn', 'Travel'),
  rule(/\bTRAVELODGE\b/, 'Travelodge', 'Travel'),
  rule(/\bEUROSTAR\b/, 'Eurostar', 'Travel'),
  // Bills & utilities: energy, water, telecoms, TV, insurance
  rule(/\bBRITISH GAS\b/, 'British Gas', 'Bills & utilities'),
  rule(/\bOCTOPUS ENERGY\b/, 'Octopus Energy', 'Bills & utilities'),
  rule(/\bEDF\b/, 'EDF', 'Bills & utilities'),
  rule(/\bE\.?ON\b/, 'E.ON', 'Bills & utilities'),
  rule(/\bOVO\b/, 'OVO', 'Bills & utilities'),
  rule(/\bSCOTTISH ?POWER\b/, 'ScottishPower', 'Bills & utilities'),
  rule(/\bTHAMES WATER\b/, 'Thames Water', 'Bills & utilities'),
  rule(/\bANGLIAN WATER\b/, 'Anglian Water', 'Bills & utilities'),
  rule(/\bSEVERN TRENT\b/, 'Severn Trent', 'Bills & utilities'),
  rule(/\bYORKSHIRE WATER\b/, 'Yorkshire Water', 'Bills & utilities'),
  rule(/\bUNITED UTILITIES\b/, 'United Utilities', 'Bills & utilities'),
  rule(/\b(BT GROUP|BT BROADBAND|BT PLC|BT\.COM)\b/, 'BT', 'Bills & utilities'),
  rule(/\bVIRGIN MEDIA\b/, 'Virgin Media', 'Bills & utilities'),
  rule(/\bTALKTALK\b/, 'TalkTalk', 'Bills & utilities'),
  rule(/\bPLUSNET\b/, 'Plusnet', 'Bills & utilities'),
  rule(/\bSKY\b/, 'Sky', 'Bills & utilities'),
  rule(/\bVODAFONE\b/, 'Vodafone', 'Bills & utilities'),
  rule(/\bGIFFGAFF\b/, 'giffgaff', 'Bills & utilities'),
  rule(/\b(EE LIMITED|EE LTD)\b/, 'EE', 'Bills & utilities'),
  rule(/\bO2\b/, 'O2', 'Bills & utilities'),
  rule(/\bTV LICEN[CS]E\b/, 'TV Licensing', 'Bills & utilities'),
  rule(/\bAVIVA\b/, 'Aviva', 'Bills & utilities'),
  rule(/\bADMIRAL INSURANCE\b/, 'Admiral', 'Bills & utilities'),
  rule(/\bDIRECT LINE\b/, 'Direct Line', 'Bills & utilities'),
];
