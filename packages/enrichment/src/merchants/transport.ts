import { rule, type MerchantRule } from './rule';

/** Getting about day to day: public transport, taxis, fuel, parking, road charges, the car. */
export const transportMerchants: readonly MerchantRule[] = [
  rule(/\b(TFL|TRANSPORT FOR LONDON|TFL\.GOV\.UK)/, 'Transport for London', 'Transport'),
  rule(/\bUBER\b/, 'Uber', 'Transport'),
  rule(/\bBOLT(\.EU)?\b/, 'Bolt', 'Transport'),
  rule(/\b(FREE ?NOW|MYTAXI)\b/, 'FREENOW', 'Transport'),
  rule(/\bADDISON LEE\b/, 'Addison Lee', 'Transport'),
  rule(/\b(GETT|VERIFONE TAXI|OLA CABS)\b/, 'Taxi', 'Transport'),
  rule(/\bTRAINLINE\b/, 'Trainline', 'Transport'),
  rule(
    /\b(LNER|AVANTI|GWR|GREAT WESTERN RAIL|NORTHERN (RAIL|TRAINS)|SOUTHERN RAIL|SOUTHEASTERN|SOUTH ?WESTERN RAIL|SWR|THAMESLINK|GTR|SCOTRAIL|CROSS ?COUNTRY|TRANSPENNINE|TPE|EAST MIDLANDS RAIL|EMR|CHILTERN RAIL|C2C|GREATER ANGLIA|WEST MIDLANDS (TRAINS|RAIL)|LONDON NORTHWESTERN|MERSEYRAIL|TRANSPORT FOR WALES|TFW|HULL TRAINS|GRAND CENTRAL|LUMO|CALEDONIAN SLEEPER|ELIZABETH LINE|NATIONAL RAIL|RAIL DELIVERY|SPLIT ?MY ?FARE|RAILCARD)\b/,
    null,
    'Transport',
  ),
  rule(
    /\b(STAGECOACH|FIRST ?BUS|FIRST (GLASGOW|BRISTOL|MANCHESTER|WEST)|ARRIVA|GO AHEAD|GO NORTH|METROLINK|BEE NETWORK|NEXUS|LOTHIAN BUSES|TRANSDEV|MEGABUS|FLIXBUS|WEST MIDLANDS METRO|TRAVEL ?WEST ?MIDLANDS|SPT SUBWAY|BLACKPOOL TRANSPORT|READING BUSES|BRIGHTON & HOVE BUS)\b/,
    null,
    'Transport',
  ),
  rule(
    /\b(LIME ?BIKE|LIME\*|LIME RIDE|SANTANDER CYCLES|HUMAN FORSEVEN|VOI|TIER|DOTT|FORWARD ?BIKE)\b/,
    null,
    'Transport',
  ),
  rule(
    /\b(DART ?CHARGE|CONGESTION CHARGE|ULEZ|CLEAN AIR ZONE|M6 ?TOLL|MERSEY GATEWAY|TOLL)\b/,
    null,
    'Transport',
  ),
  rule(/\bSHELL\b/, 'Shell', 'Transport'),
  rule(/\bBP\b/, 'BP', 'Transport'),
  rule(/\bESSO\b/, 'Esso', 'Transport'),
  rule(/\bTEXACO\b/, 'Texaco', 'Transport'),
  rule(
    /\b(JET|GULF|MURCO|VALERO|HARVEST ENERGY|MOTO|WELCOME BREAK|ROADCHEF|EG GROUP|EURO GARAGES|RONTEC|MFG|CERTAS)\b/,
    null,
    'Transport',
  ),
  rule(
    /\b(RINGGO|PAYBYPHONE|JUSTPARK|NCP|APCOA|EUROPARKING|EURO CAR PARKS|Q-?PARK|SABA PARK|PARKMOBILE|YOURPARKINGSPACE|PARKING EYE|MIPERMIT|APPYPARKING|HORIZON PARKING)\b/,
    null,
    'Transport',
  ),
  rule(/\b(DVLA|DVSA)\b/, 'DVLA', 'Transport'),
  rule(
    /\b(HALFORDS|KWIK ?FIT|NATIONAL TYRES|ATS EUROMASTER|BLACK ?CIRCLES|MR CLUTCH|FORMULA ONE AUTOCENTRE|AUTOGLASS|EURO CAR PARTS|GSF CAR PARTS)\b/,
    null,
    'Transport',
  ),
  rule(
    /\b(POD ?POINT|CHARGEPOINT|BP PULSE|IONITY|INSTAVOLT|GRIDSERVE|OSPREY CHARGING|TESLA SUPERCHARGER|ZAP-?MAP|SHELL RECHARGE|UBITRICITY|CHARGE ?PLACE SCOTLAND)\b/,
    null,
    'Transport',
  ),
  rule(/\b(AA MEMBERSHIP|THE AA|RAC MOTORING|RAC\b|GREEN FLAG)\b/, null, 'Transport'),
  rule(/\b(ZIPCAR|ENTERPRISE RENT|HERTZ|AVIS|EUROPCAR|SIXT|CO-?WHEELS)\b/, null, 'Transport'),
];

/** Going away: airlines, hotels, holiday lets, booking sites, ferries, long-distance international rail. */
export const travelMerchants: readonly MerchantRule[] = [
  rule(/\bRYANAIR\b/, 'Ryanair', 'Travel'),
  rule(/\bEASYJET\b/, 'easyJet', 'Travel'),
  rule(/\bBRITISH A(IRWAYS|\/W|IRW)\b|\bBA\.COM\b/, 'British Airways', 'Travel'),
  rule(/\bJET2\b/, 'Jet2', 'Travel'),
  rule(/\bWIZZ ?AIR\b/, 'Wizz Air', 'Travel'),
  rule(
    /\b(LOGANAIR|AER LINGUS|KLM|LUFTHANSA|AIR FRANCE|EMIRATES|QATAR AIRWAYS|ETIHAD|TUI|LOVEHOLIDAYS|ON THE BEACH|EASYJET HOLIDAYS|NORWEGIAN AIR|VUELING|IBERIA|TURKISH AIRLINES|SINGAPORE AIR|UNITED AIRLINES|DELTA AIR|AMERICAN AIR|FLYBE|EASTERN AIRWAYS)\b/,
    null,
    'Travel',
  ),
  rule(/\bAIRBNB\b/, 'Airbnb', 'Travel'),
  rule(/\bBOOKING\.COM\b|\bBOOKING COM\b/, 'Booking.com', 'Travel'),
  rule(
    /\bHOTELS\.COM\b|\bEXPEDIA\b|\bTRIVAGO\b|\bLASTMINUTE\b|\bAGODA\b|\bSKYSCANNER\b|\bKAYAK\b|\bOPODO\b|\bTRIP\.COM\b|\bHOSTELWORLD\b|\bVRBO\b|\bSYKES COTTAGES\b|\bHOSEASONS\b|\bCENTER ?PARCS\b|\bPARKDEAN\b|\bHAVEN HOLIDAYS\b|\bBUTLINS\b/,
    null,
    'Travel',
  ),
  rule(/\bTRAVELODGE\b/, 'Travelodge', 'Travel'),
  rule(
    /\b(HILTON|MARRIOTT|IBIS|NOVOTEL|MERCURE|RADISSON|HYATT|SHERATON|CROWNE PLAZA|DOUBLETREE|HAMPTON BY HILTON|MALMAISON|HOTEL DU VIN|CITIZENM|YOTEL|PREMIER TRAVEL INN|Z HOTELS|THE HOXTON|MOXY|ACCOR)\b/,
    null,
    'Travel',
  ),
  rule(/\bEUROSTAR\b/, 'Eurostar', 'Travel'),
  rule(
    /\b(EUROTUNNEL|LE SHUTTLE|P&O FERRIES|DFDS|STENA LINE|BRITTANY FERRIES|CALMAC|RED FUNNEL|WIGHTLINK|IRISH FERRIES)\b/,
    null,
    'Travel',
  ),
  rule(
    /\b(HEATHROW|GATWICK|STANSTED|LUTON AIRPORT|MANCHESTER AIRPORT|WORLD DUTY FREE|DUTY FREE|PLANE ?SIGHT|ESTA|ETIAS)\b/,
    null,
    'Travel',
  ),
];
