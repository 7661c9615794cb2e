/**
 * The demo catalog, drawn from the reference articles (../shared/reference):
 * - 000: Milan Fashion Week, 20 September, the "Starry Night" see-now-buy-now live show at Salone dei
 *   Tessuti with three Italian designer labels (David Grillo, Laura Strambi, NTMB) and the Chinese label
 *   Mishow (Guangzhou Rui Yue Garments, founded 2009); the 2020 trends: nature, pluralism (Eastern
 *   embroidery, Western bubble sleeves), integration (women's suits, boyfriend shirts, gender-neutral).
 * - 001: Tmall's fashion festival: a hand-painted limited-edition Rimowa suitcase on stage, and an
 *   Estée Lauder lipstick edition created by Kendall Jenner exclusively for Chinese consumers on Tmall.
 * - 002: Beijing Design Week's O2O Design Mall: a 10-day offline show and a Tmall flagship design store.
 * - 003: the 11.11 Global Shopping Festival.
 * - 004: Michael Kors' China official online boutique, the SELMA City Series limited edition pre-sold
 *   with a deposit (15–18 August, booked out in 150 seconds); a USD 1,250 Gucci handbag; LOEWE's
 *   Barcelona bag designed for the Chinese market and sold exclusively on Tmall (Tmall Space).
 *
 * Prices are decimal strings in major units per currency; the writer (demo.ts) converts them to minor
 * units for every store the product is published to, in that store's currency.
 */
import { ProductStatus, StockLocationKind, StoreKind } from '../src/catalog/entities/enums.js';

export type Locale = 'en' | 'zh-CN' | 'fr' | 'it' | 'es';
/** Text in several locales; English and Simplified Chinese are always present. */
export type Text = { en: string; 'zh-CN': string } & Partial<Record<Locale, string>>;
export type Currency = 'CNY' | 'EUR' | 'USD';
export type Prices = Partial<Record<Currency, string>>;

export interface DemoBrandGroup {
  handle: string;
  name: string;
}

export interface DemoBrand {
  handle: string;
  group?: string;
  defaultLocale: Locale;
  name: Text;
  story: Text;
}

export interface DemoStore {
  handle: string;
  name: string;
  kind: StoreKind;
  brands: string[];
  marketCountry: string;
  currency: Currency;
  defaultLocale: Locale;
  supportedLocales: Locale[];
  timeZone: string;
  showStockQuantity?: boolean;
  locations: { handle: string; name: string; kind: StockLocationKind }[];
}

export interface DemoCategory {
  handle: string;
  parent?: string;
  name: Text;
}

export interface DemoProduct {
  handle: string;
  brand: string;
  /** Style number: the SKU prefix. */
  style: string;
  category: string;
  tags: string[];
  title: Text;
  /** Plain text; paragraphs separated by a blank line. */
  description: Text;
  /** Keys of COLOURS (or SHADES); omitted when the product comes in one colour only. */
  colours?: string[];
  /** Keys of SIZES; omitted when the product comes in one size only. */
  sizes?: string[];
  /** The name of the colour and size options (default: Colour, Size). */
  colourLabel?: keyof typeof OPTION_LABELS;
  sizeLabel?: keyof typeof OPTION_LABELS;
  price: Prices;
  /** Per-size prices where sizes cost differently (a larger suitcase, a bigger bottle). */
  sizePrices?: Record<string, Prices>;
  compareAt?: Prices;
  /** Published to these stores (and priced in their currencies). */
  stores: string[];
  /** Units per variant per stock location (default 8). */
  stock?: number;
  /** Colours that are sold out everywhere. */
  soldOut?: string[];
  weightGrams?: number;
  status?: ProductStatus;
  /** Number of images (default 2). */
  images?: number;
}

export interface DemoCollection {
  handle: string;
  brand?: string;
  title: Text;
  description: Text;
  /** Product handles, in merchandising order. */
  products: string[];
}

// ---------------------------------------------------------------------------------------------------
// Option names and values

export const OPTION_LABELS = {
  colour: { en: 'Colour', 'zh-CN': '颜色', fr: 'Couleur', it: 'Colore', es: 'Color' },
  shade: { en: 'Shade', 'zh-CN': '色号', fr: 'Teinte', it: 'Tonalità', es: 'Tono' },
  size: { en: 'Size', 'zh-CN': '尺码', fr: 'Taille', it: 'Taglia', es: 'Talla' },
  dimensions: { en: 'Size', 'zh-CN': '尺寸', fr: 'Dimensions', it: 'Dimensioni', es: 'Tamaño' },
  caseSize: { en: 'Case size', 'zh-CN': '表盘尺寸', fr: 'Taille du boîtier', it: 'Misura della cassa', es: 'Tamaño de caja' },
  volume: { en: 'Size', 'zh-CN': '容量', fr: 'Contenance', it: 'Formato', es: 'Tamaño' },
} satisfies Record<string, Text>;

export const COLOURS: Record<string, Text> = {
  black: { en: 'Black', 'zh-CN': '黑色', fr: 'Noir', it: 'Nero', es: 'Negro' },
  luggage: { en: 'Luggage', 'zh-CN': '焦糖棕', fr: 'Cognac', it: 'Cuoio' },
  'optic-white': { en: 'Optic White', 'zh-CN': '亮白色', fr: 'Blanc optique', it: 'Bianco ottico' },
  'bright-red': { en: 'Bright Red', 'zh-CN': '亮红色', fr: 'Rouge vif', it: 'Rosso acceso' },
  'soft-pink': { en: 'Soft Pink', 'zh-CN': '浅粉色', fr: 'Rose poudré', it: 'Rosa cipria' },
  vanilla: { en: 'Vanilla', 'zh-CN': '香草色', fr: 'Vanille', it: 'Vaniglia' },
  brown: { en: 'Brown', 'zh-CN': '棕色', fr: 'Marron', it: 'Marrone' },
  navy: { en: 'Navy', 'zh-CN': '藏青色', fr: 'Bleu marine', it: 'Blu navy' },
  gold: { en: 'Gold-Tone', 'zh-CN': '金色', fr: 'Doré', it: 'Dorato' },
  'rose-gold': { en: 'Rose Gold-Tone', 'zh-CN': '玫瑰金色', fr: 'Or rose', it: 'Oro rosa' },
  silver: { en: 'Silver', 'zh-CN': '银色', fr: 'Argent', it: 'Argento' },
  'dusty-pink': { en: 'Dusty Pink', 'zh-CN': '灰粉色', fr: 'Vieux rose', it: 'Rosa antico' },
  'beige-ebony': { en: 'Beige/Ebony', 'zh-CN': '米色/乌木色', fr: 'Beige/ébène', it: 'Beige/ebano' },
  ivory: { en: 'Ivory', 'zh-CN': '象牙白', fr: 'Ivoire', it: 'Avorio' },
  tan: { en: 'Tan', 'zh-CN': '棕褐色', fr: 'Fauve', it: 'Marrone chiaro', es: 'Bronceado' },
  scarlet: { en: 'Scarlet', 'zh-CN': '猩红色', fr: 'Écarlate', it: 'Scarlatto', es: 'Escarlata' },
  ocean: { en: 'Ocean', 'zh-CN': '海洋蓝', fr: 'Océan', it: 'Oceano', es: 'Océano' },
  'hand-painted': { en: 'Hand-Painted', 'zh-CN': '手绘彩绘', fr: 'Peinte à la main', it: 'Dipinta a mano' },
  'sky-blue': { en: 'Sky Blue', 'zh-CN': '天蓝色', fr: 'Bleu ciel', it: 'Azzurro' },
  camel: { en: 'Camel', 'zh-CN': '驼色', fr: 'Camel', it: 'Cammello' },
  sand: { en: 'Sand', 'zh-CN': '沙色', fr: 'Sable', it: 'Sabbia' },
  vermilion: { en: 'Vermilion', 'zh-CN': '朱红色', fr: 'Vermillon', it: 'Vermiglio' },
  'midnight-blue': { en: 'Midnight Blue', 'zh-CN': '午夜蓝', fr: 'Bleu nuit', it: 'Blu notte' },
  jade: { en: 'Jade', 'zh-CN': '翡翠绿', fr: 'Jade', it: 'Giada' },
  // Lipstick shades (option "Shade")
  'kendall-nude': { en: '01 Kendall Nude', 'zh-CN': '01 肯豆裸色' },
  'kendall-rose': { en: '02 Kendall Rose', 'zh-CN': '02 肯豆玫瑰' },
  'kendall-red': { en: '03 Kendall Red', 'zh-CN': '03 肯豆正红' },
  'rebellious-rose': { en: '420 Rebellious Rose', 'zh-CN': '420 叛逆玫瑰' },
  impassioned: { en: '330 Impassioned', 'zh-CN': '330 热情红' },
  'slow-burn': { en: '130 Slow Burn', 'zh-CN': '130 暖焰裸' },
};

const same = (label: string, zh = label): Text => ({ en: label, 'zh-CN': zh, fr: label, it: label, es: label });

export const SIZES: Record<string, Text> = {
  mini: { en: 'Mini', 'zh-CN': '迷你', fr: 'Mini', it: 'Mini' },
  small: { en: 'Small', 'zh-CN': '小号', fr: 'Petit', it: 'Piccola' },
  medium: { en: 'Medium', 'zh-CN': '中号', fr: 'Moyen', it: 'Media' },
  large: { en: 'Large', 'zh-CN': '大号', fr: 'Grand', it: 'Grande' },
  ...Object.fromEntries(['xs', 's', 'm', 'l', 'xl'].map((s) => [s, same(s.toUpperCase())])),
  ...Object.fromEntries(['38', '40', '42', '44'].map((s) => [`it-${s}`, { ...same(`IT ${s}`), it: s }])),
  ...Object.fromEntries(['35', '36', '37', '38', '39', '40', '41', '42'].map((s) => [`eu-${s}`, { ...same(`EU ${s}`, `${s}码`), fr: s, it: s }])),
  '38mm': same('38 mm'),
  '44mm': same('44 mm'),
  cabin: { en: 'Cabin', 'zh-CN': '登机箱', fr: 'Cabine', it: 'Cabina' },
  'check-in-m': { en: 'Check-In M', 'zh-CN': '托运箱 M', fr: 'Check-In M', it: 'Check-In M' },
  'check-in-l': { en: 'Check-In L', 'zh-CN': '托运箱 L', fr: 'Check-In L', it: 'Check-In L' },
  trunk: { en: 'Trunk', 'zh-CN': '大容量旅行箱', fr: 'Malle', it: 'Baule' },
  '30ml': same('30 ml', '30毫升'),
  '50ml': same('50 ml', '50毫升'),
  '100ml': same('100 ml', '100毫升'),
};

/** Image views: the alt text of image n is "<title> – <view>" in each of the title's locales. */
export const VIEWS: Text[] = [
  { en: 'front view', 'zh-CN': '正面图', fr: 'vue de face', it: 'vista frontale', es: 'vista frontal' },
  { en: 'side view', 'zh-CN': '侧面图', fr: 'vue de profil', it: 'vista laterale', es: 'vista lateral' },
  { en: 'detail', 'zh-CN': '细节图', fr: 'détail', it: 'dettaglio', es: 'detalle' },
  { en: 'worn', 'zh-CN': '上身效果', fr: 'porté', it: 'indossato', es: 'puesto' },
];

export const MEDIA_BASE_URL = 'https://media.flagship-demo.example/catalog';

// ---------------------------------------------------------------------------------------------------
// Brand groups and brands

export const BRAND_GROUPS: DemoBrandGroup[] = [
  { handle: 'capri-holdings', name: 'Capri Holdings' },
  { handle: 'kering', name: 'Kering' },
  { handle: 'lvmh', name: 'LVMH Moët Hennessy Louis Vuitton' },
  { handle: 'estee-lauder-companies', name: 'The Estée Lauder Companies' },
  { handle: 'rui-yue-garments', name: 'Guangzhou Rui Yue Garments Co., Ltd.' },
];

export const BRANDS: DemoBrand[] = [
  {
    handle: 'michael-kors',
    group: 'capri-holdings',
    defaultLocale: 'en',
    name: { en: 'Michael Kors', 'zh-CN': '迈克高仕', fr: 'Michael Kors', it: 'Michael Kors' },
    story: {
      en: 'American accessible luxury since 1981. In Greater China since 2011, with 100 stores in five years and an official online boutique.',
      'zh-CN': '1981 年创立的美国轻奢品牌。2011 年进入大中华区，五年开设 100 家门店，并上线官方网上精品店。',
      fr: 'Le luxe accessible américain depuis 1981, présent en Chine depuis 2011.',
      it: 'Lusso accessibile americano dal 1981, presente in Cina dal 2011.',
    },
  },
  {
    handle: 'gucci',
    group: 'kering',
    defaultLocale: 'it',
    name: { en: 'Gucci', 'zh-CN': '古驰', fr: 'Gucci', it: 'Gucci' },
    story: {
      en: 'Founded in Florence in 1921, Gucci is the flagship house of Kering.',
      'zh-CN': '古驰 1921 年创立于佛罗伦萨，是开云集团旗下的核心品牌。',
      fr: 'Fondée à Florence en 1921, Gucci est la maison phare du groupe Kering.',
      it: 'Fondata a Firenze nel 1921, Gucci è la maison di punta del gruppo Kering.',
    },
  },
  {
    handle: 'loewe',
    group: 'lvmh',
    defaultLocale: 'es',
    name: { en: 'LOEWE', 'zh-CN': '罗意威', es: 'LOEWE', fr: 'LOEWE', it: 'LOEWE' },
    story: {
      en: 'A Madrid leather house since 1846. Its Barcelona bag, designed for Chinese customers, is sold exclusively in its Tmall flagship.',
      'zh-CN': '始于 1846 年的马德里皮具世家。专为中国顾客设计的 Barcelona 手袋仅在天猫旗舰店独家发售。',
      es: 'Casa de piel madrileña desde 1846.',
    },
  },
  {
    handle: 'rimowa',
    group: 'lvmh',
    defaultLocale: 'en',
    name: { en: 'RIMOWA', 'zh-CN': '日默瓦', fr: 'RIMOWA', it: 'RIMOWA' },
    story: {
      en: 'Cologne luggage maker since 1898, known for its grooved aluminium suitcases.',
      'zh-CN': '1898 年创立于科隆的箱包品牌，以凹槽铝镁合金行李箱闻名。',
    },
  },
  {
    handle: 'estee-lauder',
    group: 'estee-lauder-companies',
    defaultLocale: 'en',
    name: { en: 'Estée Lauder', 'zh-CN': '雅诗兰黛', fr: 'Estée Lauder', it: 'Estée Lauder' },
    story: {
      en: 'New York beauty house founded in 1946 by Estée Lauder.',
      'zh-CN': '1946 年由雅诗·兰黛夫人在纽约创立的美妆品牌。',
    },
  },
  {
    handle: 'david-grillo',
    defaultLocale: 'it',
    name: { en: 'David Grillo', 'zh-CN': 'David Grillo', it: 'David Grillo', fr: 'David Grillo' },
    story: {
      en: 'Cutting-edge Italian designer label, on the runway of the Starry Night live show at Milan Fashion Week.',
      'zh-CN': '意大利先锋设计师品牌，登上米兰时装周「星空之夜」直播秀。',
      it: "Marchio italiano d'avanguardia, in passerella allo show live Starry Night della Milano Fashion Week.",
      fr: 'Label italien avant-gardiste, au défilé en direct Starry Night de la Fashion Week de Milan.',
    },
  },
  {
    handle: 'laura-strambi',
    defaultLocale: 'it',
    name: { en: 'Laura Strambi', 'zh-CN': 'Laura Strambi', it: 'Laura Strambi', fr: 'Laura Strambi' },
    story: {
      en: 'Italian designer label with a strongly personal tailoring, shown live at Milan Fashion Week.',
      'zh-CN': '个性鲜明的意大利设计师品牌，以剪裁见长，亮相米兰时装周直播秀。',
      it: 'Marchio italiano di sartoria dalla forte personalità, in passerella a Milano.',
      fr: 'Label italien à la coupe très personnelle, présenté en direct à Milan.',
    },
  },
  {
    handle: 'ntmb',
    defaultLocale: 'it',
    name: { en: 'NTMB', 'zh-CN': 'NTMB', it: 'NTMB', fr: 'NTMB' },
    story: {
      en: 'Italian label working with natural and recycled materials.',
      'zh-CN': '使用天然与再生材料的意大利设计师品牌。',
      it: 'Marchio italiano che lavora materiali naturali e riciclati.',
      fr: 'Label italien travaillant des matières naturelles et recyclées.',
    },
  },
  {
    handle: 'mishow',
    group: 'rui-yue-garments',
    defaultLocale: 'zh-CN',
    name: { en: 'Mishow', 'zh-CN': '谜秀', it: 'Mishow', fr: 'Mishow' },
    story: {
      en: 'Guangzhou womenswear label founded in 2009, a top-50 Tmall brand, abroad since 2018 and on the runway in Milan.',
      'zh-CN': '2009 年创立于广州的女装品牌，天猫销量前 50，2018 年进军海外市场，登上米兰时装周。',
      it: 'Marchio di moda donna di Canton fondato nel 2009, in passerella a Milano.',
      fr: 'Label de prêt-à-porter féminin de Canton fondé en 2009, au défilé de Milan.',
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Stores and their stock locations

const wh = (handle: string, name: string) => ({ handle, name, kind: StockLocationKind.WAREHOUSE });
const shop = (handle: string, name: string) => ({ handle, name, kind: StockLocationKind.BOUTIQUE });
type StoreBase = Pick<DemoStore, 'handle' | 'name' | 'kind' | 'brands' | 'locations'> & { showStockQuantity?: boolean };
/** A China marketplace flagship: CNY, Simplified Chinese first, Shanghai time. */
/**
 * Delivery and tax terms by market (commerce's store_commerce_settings, minor units): China's 13% VAT and
 * the EU's are in the shelf price, US sales tax is added at checkout (none configured here).
 */
export const MARKET_TERMS: Record<string, { pricesIncludeTax: boolean; taxRateBasisPoints: number; shippingFlatAmount: number; freeShippingThreshold: number | null }> = {
  CN: { pricesIncludeTax: true, taxRateBasisPoints: 1300, shippingFlatAmount: 0, freeShippingThreshold: null },
  US: { pricesIncludeTax: false, taxRateBasisPoints: 0, shippingFlatAmount: 15_00, freeShippingThreshold: 500_00 },
  FR: { pricesIncludeTax: true, taxRateBasisPoints: 2000, shippingFlatAmount: 10_00, freeShippingThreshold: 300_00 },
  IT: { pricesIncludeTax: true, taxRateBasisPoints: 2200, shippingFlatAmount: 10_00, freeShippingThreshold: 300_00 },
};

const china = (s: StoreBase): DemoStore => ({ marketCountry: 'CN', currency: 'CNY', defaultLocale: 'zh-CN', supportedLocales: ['zh-CN', 'en'], timeZone: 'Asia/Shanghai', ...s });
const usa = (s: StoreBase): DemoStore => ({ marketCountry: 'US', currency: 'USD', defaultLocale: 'en', supportedLocales: ['en'], timeZone: 'America/New_York', ...s });
const { ONLINE_FLAGSHIP, BOUTIQUE, POPUP, DESIGN_MALL } = StoreKind;

export const STORES: DemoStore[] = [
  china({ handle: 'michael-kors-cn', name: 'Michael Kors China Official Online Boutique', kind: ONLINE_FLAGSHIP, brands: ['michael-kors'], locations: [wh('shanghai-dc', 'Shanghai Distribution Centre')] }),
  china({ handle: 'gucci-cn', name: 'Gucci Tmall Flagship Store', kind: ONLINE_FLAGSHIP, brands: ['gucci'], locations: [wh('shanghai-dc', 'Shanghai Distribution Centre')] }),
  china({ handle: 'loewe-cn', name: 'LOEWE Tmall Space Flagship', kind: ONLINE_FLAGSHIP, brands: ['loewe'], locations: [wh('shanghai-dc', 'Shanghai Distribution Centre')] }),
  china({ handle: 'rimowa-cn', name: 'RIMOWA Tmall Flagship Store', kind: ONLINE_FLAGSHIP, brands: ['rimowa'], locations: [wh('shanghai-dc', 'Shanghai Distribution Centre')] }),
  china({
    handle: 'estee-lauder-cn',
    name: 'Estée Lauder Tmall Flagship Store',
    kind: ONLINE_FLAGSHIP,
    brands: ['estee-lauder'],
    showStockQuantity: true,
    locations: [wh('shanghai-dc', 'Shanghai Distribution Centre'), wh('guangzhou-dc', 'Guangzhou Distribution Centre')],
  }),
  china({ handle: 'mishow-cn', name: 'Mishow Tmall Flagship Store', kind: ONLINE_FLAGSHIP, brands: ['mishow'], showStockQuantity: true, locations: [wh('guangzhou-dc', 'Guangzhou Distribution Centre')] }),
  china({
    handle: 'design-mall-bjdw',
    name: 'Beijing Design Week Design Mall',
    kind: DESIGN_MALL,
    brands: ['mishow', 'david-grillo', 'laura-strambi', 'ntmb', 'rimowa', 'loewe'],
    locations: [wh('beijing-dc', 'Beijing Distribution Centre'), shop('millennium-monument', 'China Millennium Monument Design Mall Counter')],
  }),
  {
    handle: 'michael-kors-eu',
    name: 'Michael Kors Europe Online Boutique',
    kind: ONLINE_FLAGSHIP,
    brands: ['michael-kors'],
    marketCountry: 'FR',
    currency: 'EUR',
    defaultLocale: 'fr',
    supportedLocales: ['fr', 'it', 'en'],
    timeZone: 'Europe/Paris',
    locations: [wh('eu-dc', 'European Distribution Centre')],
  },
  {
    handle: 'gucci-milano-montenapoleone',
    name: 'Gucci Milano Via Montenapoleone',
    kind: BOUTIQUE,
    brands: ['gucci'],
    marketCountry: 'IT',
    currency: 'EUR',
    defaultLocale: 'it',
    supportedLocales: ['it', 'en', 'fr', 'zh-CN'],
    timeZone: 'Europe/Rome',
    showStockQuantity: true,
    locations: [shop('montenapoleone', 'Via Montenapoleone Boutique'), wh('milan-dc', 'Milan Warehouse')],
  },
  {
    handle: 'starry-night-milano',
    name: 'Starry Night See-Now-Buy-Now Pop-up, Milan Fashion Week',
    kind: POPUP,
    brands: ['david-grillo', 'laura-strambi', 'ntmb', 'mishow'],
    marketCountry: 'IT',
    currency: 'EUR',
    defaultLocale: 'it',
    supportedLocales: ['it', 'en', 'zh-CN'],
    timeZone: 'Europe/Rome',
    showStockQuantity: true,
    locations: [shop('salone-dei-tessuti', 'Salone dei Tessuti'), wh('milan-dc', 'Milan Warehouse')],
  },
  usa({ handle: 'michael-kors-us', name: 'Michael Kors US', kind: ONLINE_FLAGSHIP, brands: ['michael-kors'], locations: [wh('us-dc', 'US Distribution Centre'), shop('fifth-avenue', 'Fifth Avenue Flagship')] }),
  usa({ handle: 'gucci-us', name: 'Gucci US', kind: ONLINE_FLAGSHIP, brands: ['gucci'], locations: [wh('us-dc', 'US Distribution Centre')] }),
  usa({ handle: 'estee-lauder-us', name: 'Estée Lauder US', kind: ONLINE_FLAGSHIP, brands: ['estee-lauder'], showStockQuantity: true, locations: [wh('us-dc', 'US Distribution Centre')] }),
];

// ---------------------------------------------------------------------------------------------------
// Category tree (parents before children)

export const CATEGORIES: DemoCategory[] = [
  { handle: 'bags', name: { en: 'Bags', 'zh-CN': '包袋', fr: 'Sacs', it: 'Borse', es: 'Bolsos' } },
  { handle: 'handbags', parent: 'bags', name: { en: 'Handbags', 'zh-CN': '手提包', fr: 'Sacs à main', it: 'Borse a mano', es: 'Bolsos de mano' } },
  { handle: 'shoulder-bags', parent: 'bags', name: { en: 'Shoulder bags', 'zh-CN': '单肩包', fr: 'Sacs portés épaule', it: 'Borse a spalla', es: 'Bolsos de hombro' } },
  { handle: 'crossbody-bags', parent: 'bags', name: { en: 'Crossbody bags', 'zh-CN': '斜挎包', fr: 'Sacs bandoulière', it: 'Borse a tracolla', es: 'Bandoleras' } },
  { handle: 'totes', parent: 'bags', name: { en: 'Totes', 'zh-CN': '托特包', fr: 'Cabas', it: 'Borse tote', es: 'Bolsos tote' } },
  { handle: 'luggage', name: { en: 'Luggage', 'zh-CN': '旅行箱包', fr: 'Bagages', it: 'Valigeria', es: 'Equipaje' } },
  { handle: 'suitcases', parent: 'luggage', name: { en: 'Suitcases', 'zh-CN': '行李箱', fr: 'Valises', it: 'Valigie', es: 'Maletas' } },
  { handle: 'beauty', name: { en: 'Beauty', 'zh-CN': '美妆', fr: 'Beauté', it: 'Bellezza', es: 'Belleza' } },
  { handle: 'lipstick', parent: 'beauty', name: { en: 'Lipstick', 'zh-CN': '口红', fr: 'Rouges à lèvres', it: 'Rossetti', es: 'Barras de labios' } },
  { handle: 'skincare', parent: 'beauty', name: { en: 'Skincare', 'zh-CN': '护肤', fr: 'Soins', it: 'Cura della pelle', es: 'Cuidado de la piel' } },
  { handle: 'ready-to-wear', name: { en: 'Ready-to-wear', 'zh-CN': '成衣', fr: 'Prêt-à-porter', it: 'Prêt-à-porter', es: 'Prêt-à-porter' } },
  { handle: 'dresses', parent: 'ready-to-wear', name: { en: 'Dresses', 'zh-CN': '连衣裙', fr: 'Robes', it: 'Abiti', es: 'Vestidos' } },
  { handle: 'suits', parent: 'ready-to-wear', name: { en: 'Suits', 'zh-CN': '西装套装', fr: 'Tailleurs', it: 'Tailleur', es: 'Trajes' } },
  { handle: 'shirts', parent: 'ready-to-wear', name: { en: 'Shirts and blouses', 'zh-CN': '衬衫', fr: 'Chemises et blouses', it: 'Camicie e bluse', es: 'Camisas y blusas' } },
  { handle: 'outerwear', parent: 'ready-to-wear', name: { en: 'Coats and jackets', 'zh-CN': '外套', fr: 'Manteaux et vestes', it: 'Capispalla', es: 'Abrigos y chaquetas' } },
  { handle: 'shoes', name: { en: 'Shoes', 'zh-CN': '鞋履', fr: 'Chaussures', it: 'Scarpe', es: 'Zapatos' } },
  { handle: 'sneakers', parent: 'shoes', name: { en: 'Sneakers', 'zh-CN': '运动鞋', fr: 'Baskets', it: 'Sneakers', es: 'Zapatillas' } },
  { handle: 'loafers', parent: 'shoes', name: { en: 'Loafers', 'zh-CN': '乐福鞋', fr: 'Mocassins', it: 'Mocassini', es: 'Mocasines' } },
  { handle: 'accessories', name: { en: 'Accessories', 'zh-CN': '配饰', fr: 'Accessoires', it: 'Accessori', es: 'Accesorios' } },
  { handle: 'watches', parent: 'accessories', name: { en: 'Watches', 'zh-CN': '腕表', fr: 'Montres', it: 'Orologi', es: 'Relojes' } },
  { handle: 'scarves', parent: 'accessories', name: { en: 'Scarves', 'zh-CN': '丝巾', fr: 'Foulards', it: 'Foulard', es: 'Pañuelos' } },
];

// ---------------------------------------------------------------------------------------------------
// Products

const MK = ['michael-kors-cn', 'michael-kors-eu', 'michael-kors-us'];
const GUCCI = ['gucci-cn', 'gucci-milano-montenapoleone', 'gucci-us'];
const ITALIAN_LABELS = ['starry-night-milano', 'design-mall-bjdw'];
const MISHOW = ['mishow-cn', 'design-mall-bjdw', 'starry-night-milano'];
const EL = ['estee-lauder-cn', 'estee-lauder-us'];

export const PRODUCTS: DemoProduct[] = [
  // Michael Kors ------------------------------------------------------------------------------------
  {
    handle: 'selma-saffiano-leather-satchel',
    brand: 'michael-kors',
    style: '30S3GLMS2L',
    category: 'handbags',
    tags: ['selma', 'saffiano', 'bestseller'],
    title: { en: 'SELMA Saffiano Leather Satchel', 'zh-CN': 'SELMA 十字纹皮革手提包', fr: 'Sac SELMA en cuir Saffiano', it: 'Borsa SELMA in pelle Saffiano' },
    description: {
      en: 'The SELMA satchel in scratch-resistant Saffiano leather, with a structured silhouette, gold-tone hardware and a detachable shoulder strap.\n\nThree sizes, from the Mini to the Large that fits a 13-inch laptop.',
      'zh-CN': 'SELMA 手提包采用耐刮十字纹皮革，廓形挺括，饰以金色五金，附可拆卸肩带。\n\n提供迷你、中号、大号三种尺寸，大号可容纳 13 英寸笔记本电脑。',
      fr: 'Le sac SELMA en cuir Saffiano résistant aux rayures, à la silhouette structurée, avec ferrures dorées et bandoulière amovible.\n\nTrois tailles, du Mini au Grand qui accueille un ordinateur 13 pouces.',
      it: 'La borsa SELMA in pelle Saffiano antigraffio, dalla linea strutturata, con finiture dorate e tracolla removibile.\n\nTre misure, dalla Mini alla Grande che contiene un laptop da 13 pollici.',
    },
    colours: ['black', 'luggage', 'optic-white'],
    sizes: ['mini', 'medium', 'large'],
    sizeLabel: 'dimensions',
    price: { CNY: '3450.00', EUR: '395.00', USD: '398.00' },
    sizePrices: {
      mini: { CNY: '2650.00', EUR: '295.00', USD: '298.00' },
      large: { CNY: '4250.00', EUR: '450.00', USD: '458.00' },
    },
    stores: MK,
    weightGrams: 950,
    images: 3,
  },
  {
    handle: 'selma-city-series-limited-edition-satchel',
    brand: 'michael-kors',
    style: '30F7GLMS2L-CITY',
    category: 'handbags',
    tags: ['selma', 'limited-edition', 'pre-sale', 'china-exclusive'],
    title: { en: 'SELMA City Series Limited Edition Satchel', 'zh-CN': 'SELMA 城市系列限量版手提包' },
    description: {
      en: 'A limited edition of the SELMA satchel, released first in the Michael Kors China official online boutique.\n\nPre-sold from 15 to 18 August with an Alipay Huabei deposit, the first release was booked out in 150 seconds.',
      'zh-CN': 'SELMA 手提包限量版，率先在迈克高仕中国官方网上精品店发售。\n\n8 月 15 日至 18 日以花呗预授权支付定金预售，首批 150 秒即被预订一空。',
    },
    colours: ['black', 'bright-red'],
    price: { CNY: '12999.00' },
    stores: ['michael-kors-cn'],
    stock: 5,
    weightGrams: 1000,
    images: 4,
  },
  {
    handle: 'selma-mini-saffiano-leather-crossbody',
    brand: 'michael-kors',
    style: '30T3GLMC1L',
    category: 'crossbody-bags',
    tags: ['selma', 'saffiano'],
    title: { en: 'SELMA Mini Saffiano Leather Crossbody Bag', 'zh-CN': 'SELMA 迷你十字纹皮革斜挎包', fr: 'Sac bandoulière SELMA Mini en cuir Saffiano', it: 'Borsa a tracolla SELMA Mini in pelle Saffiano' },
    description: {
      en: 'The SELMA silhouette in a compact crossbody, with an adjustable chain strap and a padlock charm.',
      'zh-CN': '迷你版 SELMA 斜挎包，配可调节链条肩带与挂锁装饰。',
      fr: 'La silhouette SELMA en format bandoulière compact, chaîne réglable et cadenas décoratif.',
      it: 'La linea SELMA in una tracolla compatta, con catena regolabile e lucchetto decorativo.',
    },
    colours: ['black', 'soft-pink', 'bright-red'],
    price: { CNY: '2450.00', EUR: '275.00', USD: '278.00' },
    stores: MK,
    soldOut: ['bright-red'],
    weightGrams: 520,
  },
  {
    handle: 'jet-set-travel-large-saffiano-leather-tote',
    brand: 'michael-kors',
    style: '30T3GTVT3L',
    category: 'totes',
    tags: ['jet-set', 'saffiano', 'work'],
    title: { en: 'Jet Set Travel Large Saffiano Leather Tote', 'zh-CN': 'Jet Set Travel 大号十字纹皮革托特包', fr: 'Cabas Jet Set Travel grand modèle en cuir Saffiano', it: 'Borsa tote Jet Set Travel grande in pelle Saffiano' },
    description: {
      en: 'A roomy tote in Saffiano leather with a zip-top closure and an interior laptop sleeve.',
      'zh-CN': '十字纹皮革大容量托特包，拉链开合，内置电脑隔层。',
      fr: 'Un cabas spacieux en cuir Saffiano, fermeture zippée et poche pour ordinateur.',
      it: 'Una tote capiente in pelle Saffiano, con zip e tasca interna per il laptop.',
    },
    colours: ['black', 'vanilla', 'brown'],
    price: { CNY: '2950.00', EUR: '325.00', USD: '328.00' },
    compareAt: { CNY: '3450.00' },
    stores: MK,
    weightGrams: 800,
  },
  {
    handle: 'mercer-medium-pebbled-leather-shoulder-bag',
    brand: 'michael-kors',
    style: '30F9GM9L2L',
    category: 'shoulder-bags',
    tags: ['mercer'],
    title: { en: 'Mercer Medium Pebbled Leather Shoulder Bag', 'zh-CN': 'Mercer 中号荔枝纹皮革单肩包', fr: 'Sac porté épaule Mercer moyen en cuir grainé', it: 'Borsa a spalla Mercer media in pelle martellata' },
    description: {
      en: 'Soft pebbled leather, a belted silhouette and a logo charm: the Mercer goes from desk to dinner.',
      'zh-CN': '柔软荔枝纹皮革，腰带式廓形，饰品牌标识挂饰，通勤与晚宴皆宜。',
      fr: 'Cuir grainé souple, ceinture et breloque logo : le Mercer passe du bureau au dîner.',
      it: 'Pelle martellata morbida, cintura e charm con logo: la Mercer va dall’ufficio alla cena.',
    },
    colours: ['black', 'soft-pink', 'navy'],
    price: { CNY: '3150.00', EUR: '350.00', USD: '358.00' },
    stores: MK,
    weightGrams: 700,
  },
  {
    handle: 'lexington-pave-watch',
    brand: 'michael-kors',
    style: 'MK3179',
    category: 'watches',
    tags: ['lexington', 'gift'],
    title: { en: 'Lexington Pavé Watch', 'zh-CN': 'Lexington 密镶腕表', fr: 'Montre Lexington pavée', it: 'Orologio Lexington pavé' },
    description: {
      en: 'A chronograph with a pavé bezel and a stainless steel link bracelet, water resistant to 100 metres.',
      'zh-CN': '密镶表圈计时腕表，不锈钢链节表带，防水 100 米。',
      fr: 'Un chronographe à lunette pavée et bracelet maillons en acier, étanche à 100 mètres.',
      it: 'Un cronografo con lunetta pavé e bracciale in acciaio, impermeabile fino a 100 metri.',
    },
    colours: ['gold', 'rose-gold', 'silver'],
    sizes: ['38mm', '44mm'],
    sizeLabel: 'caseSize',
    price: { CNY: '2450.00', EUR: '279.00', USD: '275.00' },
    sizePrices: { '44mm': { CNY: '2650.00', EUR: '299.00', USD: '295.00' } },
    stores: MK,
    weightGrams: 160,
  },
  {
    handle: 'allie-trace-leather-trainer',
    brand: 'michael-kors',
    style: '43R1ALFS1L',
    category: 'sneakers',
    tags: ['allie'],
    title: { en: 'Allie Trace Leather Trainer', 'zh-CN': 'Allie Trace 皮革运动鞋', fr: 'Basket Allie Trace en cuir', it: 'Sneaker Allie Trace in pelle' },
    description: {
      en: 'A chunky leather trainer with a padded collar and a lightweight rubber sole.',
      'zh-CN': '厚底皮革运动鞋，软垫鞋口，轻盈橡胶鞋底。',
      fr: 'Une basket épaisse en cuir, col rembourré et semelle légère en caoutchouc.',
      it: 'Una sneaker in pelle dalla suola importante, collo imbottito e suola leggera in gomma.',
    },
    colours: ['optic-white', 'black'],
    sizes: ['eu-36', 'eu-37', 'eu-38', 'eu-39'],
    price: { CNY: '1650.00', EUR: '175.00', USD: '180.00' },
    stores: MK,
    weightGrams: 900,
  },
  {
    handle: 'selma-pre-fall-preview-satchel',
    brand: 'michael-kors',
    style: '30H1GLMS2L',
    category: 'handbags',
    tags: ['selma', 'preview'],
    title: { en: 'SELMA Pre-Fall Preview Satchel', 'zh-CN': 'SELMA 早秋预览手提包' },
    description: { en: 'Not yet released: visible to brand admins only.', 'zh-CN': '尚未发布：仅品牌管理员可见。' },
    colours: ['black'],
    price: { CNY: '3650.00' },
    stores: [],
    status: ProductStatus.DRAFT,
  },

  // Gucci -------------------------------------------------------------------------------------------
  {
    handle: 'gg-marmont-small-matelasse-shoulder-bag',
    brand: 'gucci',
    style: '443497',
    category: 'shoulder-bags',
    tags: ['gg-marmont', 'bestseller'],
    title: { en: 'GG Marmont Small Matelassé Shoulder Bag', 'zh-CN': 'GG Marmont 小号绗缝单肩包', fr: 'Sac épaule GG Marmont petit modèle matelassé', it: 'Borsa a spalla GG Marmont piccola matelassé' },
    description: {
      en: 'Chevron matelassé leather with a heart stitched on the back and the Double G hardware, on a sliding chain strap.',
      'zh-CN': 'V 形绗缝皮革，背面缝制心形图案，饰双 G 五金，配可滑动链条肩带。',
      fr: 'Cuir matelassé à chevrons, cœur surpiqué au dos, ferrure Double G et chaîne coulissante.',
      it: 'Pelle matelassé a chevron, cuore impunturato sul retro, dettaglio Doppia G e catena scorrevole.',
    },
    colours: ['black', 'dusty-pink', 'optic-white'],
    price: { CNY: '18800.00', EUR: '1990.00', USD: '2350.00' },
    stores: GUCCI,
    stock: 6,
    weightGrams: 600,
    images: 3,
  },
  {
    handle: 'dionysus-gg-supreme-small-shoulder-bag',
    brand: 'gucci',
    style: '400249',
    category: 'shoulder-bags',
    tags: ['dionysus', 'gg-supreme'],
    title: { en: 'Dionysus GG Supreme Small Shoulder Bag', 'zh-CN': 'Dionysus 酒神 GG Supreme 小号单肩包', fr: 'Sac épaule Dionysus GG Supreme petit modèle', it: 'Borsa a spalla Dionysus GG Supreme piccola' },
    description: {
      en: 'GG Supreme canvas with suede trim and the textured tiger head closure inspired by the god Dionysus.',
      'zh-CN': 'GG Supreme 帆布拼麂皮饰边，饰以源自酒神狄俄尼索斯的立体虎头搭扣。',
      fr: 'Toile GG Supreme bordée de daim et fermoir tête de tigre inspiré du dieu Dionysos.',
      it: 'Tela GG Supreme con profili in suède e chiusura a testa di tigre ispirata al dio Dioniso.',
    },
    colours: ['beige-ebony'],
    price: { CNY: '23500.00', EUR: '2500.00', USD: '2890.00' },
    stores: GUCCI,
    stock: 4,
    weightGrams: 650,
  },
  {
    handle: 'ophidia-gg-medium-tote',
    brand: 'gucci',
    style: '631685',
    category: 'totes',
    tags: ['ophidia', 'gg-supreme'],
    title: { en: 'Ophidia GG Medium Tote', 'zh-CN': 'Ophidia GG 中号托特包', fr: 'Cabas Ophidia GG moyen modèle', it: 'Borsa tote Ophidia GG media' },
    description: {
      en: 'GG Supreme canvas with the green and red Web stripe and leather handles: the USD 1,250 Gucci handbag.',
      'zh-CN': 'GG Supreme 帆布配绿红绿织带与皮革手柄，美国官方售价 1,250 美元。',
      fr: 'Toile GG Supreme, bande Web verte et rouge, anses en cuir.',
      it: 'Tela GG Supreme con nastro Web verde e rosso e manici in pelle.',
    },
    colours: ['beige-ebony'],
    price: { CNY: '10200.00', EUR: '1150.00', USD: '1250.00' },
    stores: GUCCI,
    weightGrams: 750,
  },
  {
    handle: 'horsebit-1955-shoulder-bag',
    brand: 'gucci',
    style: '602204',
    category: 'shoulder-bags',
    tags: ['horsebit-1955', 'archive'],
    title: { en: 'Gucci Horsebit 1955 Shoulder Bag', 'zh-CN': 'Gucci Horsebit 1955 马衔扣单肩包', fr: 'Sac épaule Gucci Horsebit 1955', it: 'Borsa a spalla Gucci Horsebit 1955' },
    description: {
      en: 'An archive shape from 1955 with the equestrian Horsebit, in smooth leather.',
      'zh-CN': '源自 1955 年档案的经典包型，饰马术灵感马衔扣，采用光滑皮革。',
      fr: 'Une forme d’archive de 1955 ornée du mors équestre, en cuir lisse.',
      it: 'Una forma d’archivio del 1955 con il Morsetto equestre, in pelle liscia.',
    },
    colours: ['black', 'optic-white'],
    price: { CNY: '25500.00', EUR: '2700.00', USD: '3100.00' },
    stores: GUCCI,
    stock: 3,
    soldOut: ['optic-white'],
    weightGrams: 700,
  },
  {
    handle: 'jordaan-leather-horsebit-loafer',
    brand: 'gucci',
    style: '406994',
    category: 'loafers',
    tags: ['horsebit', 'menswear'],
    title: { en: 'Jordaan Leather Horsebit Loafer', 'zh-CN': 'Jordaan 马衔扣皮革乐福鞋', fr: 'Mocassin Jordaan en cuir à mors', it: 'Mocassino Jordaan in pelle con Morsetto' },
    description: {
      en: 'A slim almond-toe loafer in smooth leather with the gold-toned Horsebit. Made in Italy.',
      'zh-CN': '杏仁头修长乐福鞋，光滑皮革配金色马衔扣，意大利制造。',
      fr: 'Mocassin fin à bout amande en cuir lisse, mors doré. Fabriqué en Italie.',
      it: 'Mocassino sottile a punta a mandorla in pelle liscia, Morsetto dorato. Made in Italy.',
    },
    colours: ['black', 'brown'],
    sizes: ['eu-39', 'eu-40', 'eu-41', 'eu-42'],
    price: { CNY: '6900.00', EUR: '720.00', USD: '850.00' },
    stores: GUCCI,
    weightGrams: 800,
  },
  {
    handle: 'ace-embroidered-leather-sneaker',
    brand: 'gucci',
    style: '429446',
    category: 'sneakers',
    tags: ['ace', 'embroidery'],
    title: { en: 'Ace Embroidered Leather Sneaker', 'zh-CN': 'Ace 刺绣皮革运动鞋', fr: 'Basket Ace brodée en cuir', it: 'Sneaker Ace in pelle con ricamo' },
    description: {
      en: 'The low-top Ace in white leather with an embroidered bee and the Web stripe.',
      'zh-CN': '白色皮革低帮 Ace 运动鞋，饰刺绣蜜蜂与经典织带。',
      fr: 'La basket basse Ace en cuir blanc, abeille brodée et bande Web.',
      it: 'La sneaker bassa Ace in pelle bianca con ape ricamata e nastro Web.',
    },
    colours: ['optic-white'],
    sizes: ['eu-36', 'eu-37', 'eu-38', 'eu-39', 'eu-40'],
    price: { CNY: '5300.00', EUR: '550.00', USD: '650.00' },
    stores: GUCCI,
    weightGrams: 850,
  },
  {
    handle: 'flora-print-silk-carre',
    brand: 'gucci',
    style: '602516',
    category: 'scarves',
    tags: ['flora', 'silk', 'gift'],
    title: { en: 'Flora Print Silk Carré', 'zh-CN': 'Flora 印花真丝方巾', fr: 'Carré en soie imprimé Flora', it: 'Foulard in seta stampa Flora' },
    description: {
      en: 'A 90 cm square of silk twill printed with the Flora motif, first drawn for Grace Kelly in 1966.',
      'zh-CN': '90 厘米真丝斜纹方巾，印有 1966 年为格蕾丝·凯利创作的 Flora 花卉图案。',
      fr: 'Un carré de 90 cm en twill de soie imprimé Flora, dessiné pour Grace Kelly en 1966.',
      it: 'Un quadrato di 90 cm in twill di seta con la stampa Flora, disegnata per Grace Kelly nel 1966.',
    },
    colours: ['ivory', 'sky-blue'],
    price: { CNY: '3550.00', EUR: '380.00', USD: '440.00' },
    stores: GUCCI,
    weightGrams: 80,
  },

  // LOEWE -------------------------------------------------------------------------------------------
  {
    handle: 'loewe-barcelona-bag',
    brand: 'loewe',
    style: 'LW-BCN-CN',
    category: 'shoulder-bags',
    tags: ['barcelona', 'china-exclusive', 'tmall-space', 'limited-edition'],
    title: { en: 'LOEWE Barcelona Bag', 'zh-CN': '罗意威 Barcelona 手袋', es: 'Bolso Barcelona de LOEWE' },
    description: {
      en: 'The Barcelona bag, designed for the Chinese market and sold exclusively in the LOEWE Tmall flagship worldwide: the first time a core LVMH handbag line is sold online on Tmall.',
      'zh-CN': '专为中国市场设计的 Barcelona 手袋，全球仅在罗意威天猫旗舰店独家发售，也是 LVMH 核心手袋品牌首次在天猫线上销售。',
      es: 'El bolso Barcelona, diseñado para el mercado chino y vendido en exclusiva en la tienda LOEWE de Tmall.',
    },
    colours: ['black', 'tan', 'scarlet'],
    price: { CNY: '18500.00' },
    stores: ['loewe-cn'],
    stock: 3,
    weightGrams: 700,
    images: 3,
  },
  {
    handle: 'loewe-puzzle-small-bag',
    brand: 'loewe',
    style: 'A510S21X',
    category: 'shoulder-bags',
    tags: ['puzzle', 'craft'],
    title: { en: 'LOEWE Puzzle Small Bag', 'zh-CN': '罗意威 Puzzle 小号手袋', es: 'Bolso Puzzle pequeño de LOEWE' },
    description: {
      en: 'Geometric panels of calfskin that fold flat: a design object as much as a bag.',
      'zh-CN': '几何拼接小牛皮，可折叠收纳，既是手袋，也是设计作品。',
      es: 'Paneles geométricos de piel de ternera que se pliegan: tanto objeto de diseño como bolso.',
    },
    colours: ['tan', 'black', 'ocean'],
    price: { CNY: '21500.00' },
    stores: ['loewe-cn', 'design-mall-bjdw'],
    weightGrams: 680,
  },
  {
    handle: 'loewe-hammock-small-bag',
    brand: 'loewe',
    style: 'A538S35X',
    category: 'handbags',
    tags: ['hammock'],
    title: { en: 'LOEWE Hammock Small Bag', 'zh-CN': '罗意威 Hammock 小号手袋', es: 'Bolso Hammock pequeño de LOEWE' },
    description: {
      en: 'A shape-shifting bag in soft grained calfskin, worn three ways.',
      'zh-CN': '柔软粒面小牛皮，可变换造型，三种背法。',
      es: 'Un bolso que cambia de forma, en piel de ternera granulada, para llevar de tres maneras.',
    },
    colours: ['black', 'tan'],
    price: { CNY: '23000.00' },
    stores: ['loewe-cn'],
    weightGrams: 750,
  },

  // RIMOWA ------------------------------------------------------------------------------------------
  {
    handle: 'original-cabin-hand-painted-limited-edition',
    brand: 'rimowa',
    style: '925.53.HP',
    category: 'suitcases',
    tags: ['limited-edition', 'tmall-fashion-festival', 'see-now-buy-now', 'china-exclusive'],
    title: { en: 'Original Cabin Hand-Painted Limited Edition', 'zh-CN': 'Original 登机箱手绘限量版' },
    description: {
      en: 'The grooved aluminium Original Cabin, painted by hand: the limited edition that walked on stage beside Fan Bingbing at the Tmall fashion festival.',
      'zh-CN': '手工彩绘的凹槽铝镁合金 Original 登机箱——天猫时尚盛典上与范冰冰一同登台的限量版。',
    },
    colours: ['hand-painted'],
    sizes: ['cabin'],
    sizeLabel: 'dimensions',
    price: { CNY: '29900.00' },
    stores: ['rimowa-cn'],
    stock: 2,
    weightGrams: 4300,
    images: 4,
  },
  {
    handle: 'original-aluminium-suitcase',
    brand: 'rimowa',
    style: '925.53',
    category: 'suitcases',
    tags: ['original', 'aluminium', 'design'],
    title: { en: 'Original Aluminium Suitcase', 'zh-CN': 'Original 铝镁合金行李箱' },
    description: {
      en: 'The grooved aluminium suitcase since 1937, with the Multiwheel system and TSA-approved locks.',
      'zh-CN': '自 1937 年延续至今的凹槽铝镁合金行李箱，配多向万向轮系统与 TSA 海关锁。',
    },
    colours: ['silver', 'black'],
    sizes: ['cabin', 'check-in-m', 'trunk'],
    sizeLabel: 'dimensions',
    price: { CNY: '8900.00' },
    sizePrices: { 'check-in-m': { CNY: '10900.00' }, trunk: { CNY: '12600.00' } },
    stores: ['rimowa-cn', 'design-mall-bjdw'],
    weightGrams: 4300,
  },
  {
    handle: 'essential-lite-suitcase',
    brand: 'rimowa',
    style: '823.53',
    category: 'suitcases',
    tags: ['essential', 'lightweight'],
    title: { en: 'Essential Lite Suitcase', 'zh-CN': 'Essential Lite 轻量行李箱' },
    description: {
      en: 'The lightest RIMOWA, in high-performance polycarbonate.',
      'zh-CN': '采用高性能聚碳酸酯材质，是日默瓦最轻盈的行李箱。',
    },
    colours: ['black', 'scarlet'],
    sizes: ['cabin', 'check-in-l'],
    sizeLabel: 'dimensions',
    price: { CNY: '4750.00' },
    sizePrices: { 'check-in-l': { CNY: '6150.00' } },
    stores: ['rimowa-cn'],
    weightGrams: 2300,
  },

  // Estée Lauder ------------------------------------------------------------------------------------
  {
    handle: 'pure-color-envy-lipstick-kendall-jenner-edition',
    brand: 'estee-lauder',
    style: 'PCE-KJ',
    category: 'lipstick',
    tags: ['kendall-jenner', 'china-exclusive', 'tmall-fashion-festival', 'limited-edition'],
    title: { en: 'Pure Color Envy Lipstick, Kendall Jenner Edition', 'zh-CN': '倾慕唇膏 Kendall Jenner 限定版' },
    description: {
      en: 'A special edition created by Kendall Jenner exclusively for Chinese customers on Tmall.',
      'zh-CN': '由 Kendall Jenner 创作、专为天猫中国消费者独家推出的特别版唇膏。',
    },
    colours: ['kendall-nude', 'kendall-rose', 'kendall-red'],
    colourLabel: 'shade',
    price: { CNY: '340.00' },
    stores: ['estee-lauder-cn'],
    stock: 40,
    weightGrams: 40,
  },
  {
    handle: 'pure-color-envy-sculpting-lipstick',
    brand: 'estee-lauder',
    style: 'PCE',
    category: 'lipstick',
    tags: ['pure-color-envy'],
    title: { en: 'Pure Color Envy Sculpting Lipstick', 'zh-CN': '倾慕雕塑唇膏' },
    description: {
      en: 'Sculpted, sensual colour in one stroke, with a satin finish.',
      'zh-CN': '一抹饱满显色，缎光质地，塑造立体唇形。',
    },
    colours: ['rebellious-rose', 'impassioned', 'slow-burn'],
    colourLabel: 'shade',
    price: { CNY: '320.00', USD: '38.00' },
    stores: EL,
    stock: 60,
    soldOut: ['slow-burn'],
    weightGrams: 40,
  },
  {
    handle: 'advanced-night-repair-serum',
    brand: 'estee-lauder',
    style: 'ANR',
    category: 'skincare',
    tags: ['advanced-night-repair', 'bestseller'],
    title: { en: 'Advanced Night Repair Synchronized Multi-Recovery Complex', 'zh-CN': '特润修护肌活精华露（小棕瓶）' },
    description: {
      en: 'The Little Brown Bottle: a serum that works overnight for smoother, more radiant skin.',
      'zh-CN': '小棕瓶精华，夜间修护，令肌肤更加平滑、透亮。',
    },
    sizes: ['30ml', '50ml', '100ml'],
    sizeLabel: 'volume',
    price: { CNY: '720.00', USD: '82.00' },
    sizePrices: { '50ml': { CNY: '1050.00', USD: '115.00' }, '100ml': { CNY: '1650.00', USD: '170.00' } },
    compareAt: { CNY: '850.00' },
    stores: EL,
    stock: 80,
    weightGrams: 120,
  },

  // Italian designer labels (Milan Fashion Week "Starry Night") -------------------------------------
  {
    handle: 'david-grillo-embroidered-tulle-midi-dress',
    brand: 'david-grillo',
    style: 'DG-ABT-01',
    category: 'dresses',
    tags: ['starry-night', 'embroidery', 'made-in-italy'],
    title: { en: 'Embroidered Tulle Midi Dress', 'zh-CN': '刺绣薄纱中长连衣裙', fr: 'Robe midi en tulle brodé', it: 'Abito midi in tulle ricamato' },
    description: {
      en: 'Layers of tulle embroidered by hand with constellations, as seen on the Starry Night runway.',
      'zh-CN': '多层薄纱手工刺绣星座图案，「星空之夜」秀场同款。',
      fr: 'Des couches de tulle brodées à la main de constellations, vues au défilé Starry Night.',
      it: 'Strati di tulle ricamati a mano con costellazioni, visti in passerella a Starry Night.',
    },
    colours: ['black', 'ivory'],
    sizes: ['it-38', 'it-40', 'it-42', 'it-44'],
    price: { EUR: '890.00', CNY: '6980.00' },
    stores: ITALIAN_LABELS,
    stock: 4,
    weightGrams: 600,
    images: 3,
  },
  {
    handle: 'david-grillo-oversized-boyfriend-shirt',
    brand: 'david-grillo',
    style: 'DG-CAM-07',
    category: 'shirts',
    tags: ['starry-night', 'trend-2020', 'boyfriend-shirt'],
    title: { en: 'Oversized Cotton Boyfriend Shirt', 'zh-CN': '宽松棉质男友风衬衫', fr: 'Chemise boyfriend oversize en coton', it: 'Camicia boyfriend oversize in cotone' },
    description: {
      en: 'A crisp poplin shirt cut large, one of the 2020 trends announced at the end of the show.',
      'zh-CN': '挺括府绸宽松剪裁衬衫，秀场发布的 2020 年流行趋势之一。',
      fr: 'Une chemise en popeline coupée ample, l’une des tendances 2020 annoncées au défilé.',
      it: 'Una camicia in popeline dal taglio ampio, una delle tendenze 2020 annunciate allo show.',
    },
    colours: ['optic-white', 'sky-blue'],
    sizes: ['xs', 's', 'm', 'l'],
    price: { EUR: '320.00', CNY: '2480.00' },
    stores: ITALIAN_LABELS,
    weightGrams: 300,
  },
  {
    handle: 'laura-strambi-tailored-wool-suit',
    brand: 'laura-strambi',
    style: 'LS-TAI-12',
    category: 'suits',
    tags: ['starry-night', 'trend-2020', 'womens-suit', 'made-in-italy'],
    title: { en: "Women's Tailored Wool Suit", 'zh-CN': '女士修身羊毛西装套装', fr: 'Tailleur en laine ajusté', it: 'Tailleur sartoriale in lana' },
    description: {
      en: 'A sharply tailored jacket and trouser in Italian wool: the women’s suit, a 2020 trend of integration.',
      'zh-CN': '意大利羊毛精裁西装外套与长裤——女士西装，2020 年「融合」趋势代表单品。',
      fr: 'Veste et pantalon en laine italienne à la coupe nette : le tailleur, tendance 2020.',
      it: 'Giacca e pantalone in lana italiana dal taglio netto: il tailleur, tendenza 2020.',
    },
    colours: ['camel', 'black'],
    sizes: ['it-40', 'it-42', 'it-44'],
    price: { EUR: '1150.00', CNY: '8900.00' },
    stores: ITALIAN_LABELS,
    stock: 3,
    weightGrams: 1200,
  },
  {
    handle: 'laura-strambi-bubble-sleeve-blouse',
    brand: 'laura-strambi',
    style: 'LS-BLU-03',
    category: 'shirts',
    tags: ['starry-night', 'trend-2020', 'bubble-sleeve'],
    title: { en: 'Bubble-Sleeve Silk Blouse', 'zh-CN': '泡泡袖真丝衬衫', fr: 'Blouse en soie à manches bouffantes', it: 'Blusa in seta con maniche a sbuffo' },
    description: {
      en: 'Retro court-style bubble sleeves on a fluid silk blouse: pluralism, a 2020 trend.',
      'zh-CN': '复古宫廷风泡泡袖搭配垂坠真丝衬衫，呼应 2020 年「多元」趋势。',
      fr: 'Des manches bouffantes de style cour rétro sur une blouse en soie fluide.',
      it: 'Maniche a sbuffo in stile corte rétro su una blusa in seta fluida.',
    },
    colours: ['ivory', 'dusty-pink'],
    sizes: ['s', 'm', 'l'],
    price: { EUR: '420.00', CNY: '3280.00' },
    stores: ITALIAN_LABELS,
    weightGrams: 250,
  },
  {
    handle: 'ntmb-recycled-nylon-trench-coat',
    brand: 'ntmb',
    style: 'NT-TRE-21',
    category: 'outerwear',
    tags: ['starry-night', 'trend-2020', 'recycled', 'nature'],
    title: { en: 'Recycled Nylon Trench Coat', 'zh-CN': '再生尼龙风衣', fr: 'Trench en nylon recyclé', it: 'Trench in nylon riciclato' },
    description: {
      en: 'A water-repellent trench in recycled nylon: nature and more environmentally friendly materials.',
      'zh-CN': '再生尼龙防泼水风衣，回归自然，采用更环保的面料。',
      fr: 'Un trench déperlant en nylon recyclé : la nature et des matières plus respectueuses.',
      it: 'Un trench idrorepellente in nylon riciclato: natura e materiali più sostenibili.',
    },
    colours: ['sand', 'black'],
    sizes: ['s', 'm', 'l'],
    price: { EUR: '690.00', CNY: '5380.00' },
    stores: ITALIAN_LABELS,
    weightGrams: 900,
  },
  {
    handle: 'ntmb-gender-neutral-organic-cotton-overshirt',
    brand: 'ntmb',
    style: 'NT-OVS-05',
    category: 'shirts',
    tags: ['starry-night', 'trend-2020', 'gender-neutral', 'organic-cotton'],
    title: { en: 'Gender-Neutral Organic Cotton Overshirt', 'zh-CN': '无性别有机棉外搭衬衫', fr: 'Surchemise non genrée en coton bio', it: 'Sovracamicia genderless in cotone biologico' },
    description: {
      en: 'A boxy overshirt in organic cotton twill, cut for everyone.',
      'zh-CN': '有机棉斜纹布廓形外搭衬衫，不分性别。',
      fr: 'Une surchemise carrée en sergé de coton bio, pour tous.',
      it: 'Una sovracamicia squadrata in twill di cotone biologico, per tutti.',
    },
    colours: ['sand', 'navy'],
    sizes: ['s', 'm', 'l', 'xl'],
    price: { EUR: '350.00', CNY: '2780.00' },
    stores: ITALIAN_LABELS,
    weightGrams: 500,
  },

  // Mishow ------------------------------------------------------------------------------------------
  {
    handle: 'mishow-embroidered-satin-qipao-dress',
    brand: 'mishow',
    style: 'MS-QP-19',
    category: 'dresses',
    tags: ['starry-night', 'embroidery', 'trend-2020', 'bestseller'],
    title: { en: 'Embroidered Satin Qipao Dress', 'zh-CN': '刺绣缎面旗袍连衣裙', fr: 'Robe qipao en satin brodé', it: 'Abito qipao in raso ricamato' },
    description: {
      en: 'A modern qipao in satin with Eastern embroidery, from the Mishow show in Milan.',
      'zh-CN': '缎面现代旗袍，饰东方刺绣，谜秀米兰时装周秀款。',
      fr: 'Un qipao moderne en satin brodé à l’orientale, du défilé Mishow à Milan.',
      it: 'Un qipao moderno in raso con ricami orientali, dalla sfilata Mishow a Milano.',
    },
    colours: ['vermilion', 'navy'],
    sizes: ['s', 'm', 'l'],
    price: { CNY: '1299.00', EUR: '169.00' },
    stores: MISHOW,
    stock: 12,
    weightGrams: 400,
    images: 3,
  },
  {
    handle: 'mishow-starry-night-sequin-gown',
    brand: 'mishow',
    style: 'MS-GW-20',
    category: 'dresses',
    tags: ['starry-night', 'evening'],
    title: { en: 'Starry Night Sequin Gown', 'zh-CN': '星空之夜亮片礼服裙', fr: 'Robe longue à sequins Starry Night', it: 'Abito lungo con paillettes Starry Night' },
    description: {
      en: 'A floor-length gown scattered with sequins, closing look of the Starry Night live show.',
      'zh-CN': '缀满亮片的曳地礼服，「星空之夜」直播秀压轴造型。',
      fr: 'Une robe longue parsemée de sequins, passage final du défilé Starry Night.',
      it: 'Un abito lungo costellato di paillettes, uscita finale dello show Starry Night.',
    },
    colours: ['midnight-blue', 'black'],
    sizes: ['s', 'm', 'l'],
    price: { CNY: '2599.00', EUR: '329.00' },
    stores: MISHOW,
    stock: 6,
    weightGrams: 700,
  },
  {
    handle: 'mishow-embroidered-silk-bomber-jacket',
    brand: 'mishow',
    style: 'MS-BJ-18',
    category: 'outerwear',
    tags: ['embroidery', 'trend-2020'],
    title: { en: 'Embroidered Silk Bomber Jacket', 'zh-CN': '刺绣真丝飞行员夹克', fr: 'Blouson aviateur en soie brodée', it: 'Bomber in seta ricamata' },
    description: {
      en: 'A silk bomber embroidered with cranes and clouds: East meets West.',
      'zh-CN': '真丝飞行员夹克，刺绣仙鹤祥云，东西方风格交融。',
      fr: 'Un blouson en soie brodé de grues et de nuages : l’Orient rencontre l’Occident.',
      it: 'Un bomber in seta ricamato con gru e nuvole: Oriente e Occidente si incontrano.',
    },
    colours: ['black', 'jade'],
    sizes: ['s', 'm', 'l'],
    price: { CNY: '1599.00', EUR: '199.00' },
    stores: MISHOW,
    weightGrams: 650,
  },
  {
    handle: 'mishow-wide-leg-trouser-suit',
    brand: 'mishow',
    style: 'MS-ST-20',
    category: 'suits',
    tags: ['womens-suit', 'trend-2020'],
    title: { en: 'Wide-Leg Trouser Suit', 'zh-CN': '阔腿裤西装套装', fr: 'Tailleur pantalon large', it: 'Tailleur pantalone a gamba larga' },
    description: {
      en: 'A relaxed blazer with matching wide-leg trousers, for the office and beyond.',
      'zh-CN': '宽松西装外套搭配同色阔腿裤，通勤与日常皆宜。',
      fr: 'Un blazer décontracté et son pantalon large assorti, au bureau et au-delà.',
      it: 'Un blazer morbido con pantalone a gamba larga coordinato, in ufficio e oltre.',
    },
    colours: ['ivory', 'camel'],
    sizes: ['s', 'm', 'l', 'xl'],
    price: { CNY: '1899.00', EUR: '239.00' },
    stores: MISHOW,
    weightGrams: 900,
  },
];

// ---------------------------------------------------------------------------------------------------
// Collections

export const COLLECTIONS: DemoCollection[] = [
  {
    handle: 'selma',
    brand: 'michael-kors',
    title: { en: 'SELMA', 'zh-CN': 'SELMA 系列', fr: 'SELMA', it: 'SELMA' },
    description: {
      en: 'The structured Saffiano satchel, from the everyday Medium to the City Series limited edition.',
      'zh-CN': '挺括的十字纹手提包，从日常中号到城市系列限量版。',
      fr: 'Le sac structuré en Saffiano, du modèle moyen à l’édition limitée City.',
      it: 'La borsa strutturata in Saffiano, dalla Media all’edizione limitata City.',
    },
    products: ['selma-city-series-limited-edition-satchel', 'selma-saffiano-leather-satchel', 'selma-mini-saffiano-leather-crossbody'],
  },
  {
    handle: '11-11-global-shopping-festival',
    title: { en: '11.11 Global Shopping Festival Picks', 'zh-CN': '双 11 全球狂欢节精选', fr: 'Sélection du festival 11.11', it: 'Selezione del festival 11.11' },
    description: {
      en: 'Launches and limited editions for the year’s biggest shopping day.',
      'zh-CN': '年度最大购物节的新品首发与限量单品。',
      fr: 'Lancements et éditions limitées pour la plus grande journée de shopping de l’année.',
      it: 'Lanci ed edizioni limitate per il più grande giorno di shopping dell’anno.',
    },
    products: [
      'selma-city-series-limited-edition-satchel',
      'loewe-barcelona-bag',
      'original-cabin-hand-painted-limited-edition',
      'pure-color-envy-lipstick-kendall-jenner-edition',
      'gg-marmont-small-matelasse-shoulder-bag',
      'jet-set-travel-large-saffiano-leather-tote',
      'advanced-night-repair-serum',
      'mishow-embroidered-satin-qipao-dress',
    ],
  },
  {
    handle: 'designed-for-china',
    title: { en: 'Designed for China: Flagship Exclusives', 'zh-CN': '中国独家：旗舰店限定', fr: 'Conçu pour la Chine', it: 'Pensato per la Cina' },
    description: {
      en: 'Editions made for Chinese customers and sold only in the China flagships.',
      'zh-CN': '专为中国顾客打造、仅在中国旗舰店发售的限定款。',
      fr: 'Des éditions créées pour la clientèle chinoise, vendues uniquement en Chine.',
      it: 'Edizioni create per i clienti cinesi, in vendita solo in Cina.',
    },
    products: ['loewe-barcelona-bag', 'pure-color-envy-lipstick-kendall-jenner-edition', 'selma-city-series-limited-edition-satchel', 'original-cabin-hand-painted-limited-edition'],
  },
  {
    handle: 'tmall-fashion-festival-see-now-buy-now',
    title: { en: 'Tmall Fashion Festival: See Now, Buy Now', 'zh-CN': '天猫时尚盛典：即看即买', fr: 'Festival des Modes Tmall : see now buy now', it: 'Tmall Fashion Festival: see now buy now' },
    description: {
      en: 'Shop the runway while it streams live: the pieces from the stage.',
      'zh-CN': '边看直播边购买：秀场同款即刻入手。',
      fr: 'Achetez le défilé pendant sa diffusion en direct : les pièces vues sur scène.',
      it: 'Acquista la sfilata mentre è in diretta: i capi visti sul palco.',
    },
    products: ['original-cabin-hand-painted-limited-edition', 'pure-color-envy-lipstick-kendall-jenner-edition', 'ace-embroidered-leather-sneaker'],
  },
  {
    handle: 'beijing-design-week-design-mall',
    title: { en: 'Beijing Design Week: Design Mall Picks', 'zh-CN': '北京国际设计周 Design Mall 精选' },
    description: {
      en: 'Design objects and designer fashion from the ten-day show, online in the Design Mall flagship.',
      'zh-CN': '为期十天的设计周展会中的设计好物与设计师时装，同步上线 Design Mall 天猫旗舰店。',
    },
    products: [
      'loewe-puzzle-small-bag',
      'original-aluminium-suitcase',
      'mishow-embroidered-satin-qipao-dress',
      'david-grillo-embroidered-tulle-midi-dress',
      'laura-strambi-tailored-wool-suit',
      'ntmb-recycled-nylon-trench-coat',
    ],
  },
  {
    handle: 'milan-starry-night',
    title: { en: 'Starry Night: Milan Fashion Week Live Show', 'zh-CN': '米兰时装周「星空之夜」直播秀', fr: 'Starry Night : le défilé en direct de Milan', it: 'Starry Night: lo show live della Milano Fashion Week' },
    description: {
      en: 'The looks from the 20 September show at Salone dei Tessuti, watched live by hundreds of millions.',
      'zh-CN': '9 月 20 日 Salone dei Tessuti 直播秀同款，数亿观众在线观看。',
      fr: 'Les silhouettes du défilé du 20 septembre au Salone dei Tessuti, suivi en direct par des centaines de millions.',
      it: 'I look dello show del 20 settembre al Salone dei Tessuti, seguito in diretta da centinaia di milioni.',
    },
    products: [
      'mishow-starry-night-sequin-gown',
      'david-grillo-embroidered-tulle-midi-dress',
      'laura-strambi-tailored-wool-suit',
      'ntmb-recycled-nylon-trench-coat',
      'mishow-embroidered-satin-qipao-dress',
      'laura-strambi-bubble-sleeve-blouse',
      'david-grillo-oversized-boyfriend-shirt',
      'ntmb-gender-neutral-organic-cotton-overshirt',
    ],
  },
  {
    handle: 'trends-2020',
    title: { en: '2020 Trends: Nature, Pluralism, Integration', 'zh-CN': '2020 趋势：自然、多元、融合', fr: 'Tendances 2020 : nature, pluralisme, intégration', it: 'Tendenze 2020: natura, pluralismo, integrazione' },
    description: {
      en: 'Environmentally friendly materials, Eastern embroidery and Western bubble sleeves, women’s suits and boyfriend shirts.',
      'zh-CN': '环保面料、东方刺绣与西方泡泡袖、女士西装与男友风衬衫。',
      fr: 'Matières responsables, broderies orientales et manches bouffantes, tailleurs et chemises boyfriend.',
      it: 'Materiali sostenibili, ricami orientali e maniche a sbuffo, tailleur e camicie boyfriend.',
    },
    products: [
      'ntmb-recycled-nylon-trench-coat',
      'mishow-embroidered-satin-qipao-dress',
      'laura-strambi-bubble-sleeve-blouse',
      'laura-strambi-tailored-wool-suit',
      'david-grillo-oversized-boyfriend-shirt',
      'ntmb-gender-neutral-organic-cotton-overshirt',
      'mishow-wide-leg-trouser-suit',
    ],
  },
  {
    handle: 'gucci-icons',
    brand: 'gucci',
    title: { en: 'Gucci Icons', 'zh-CN': '古驰经典', fr: 'Les icônes Gucci', it: 'Icone Gucci' },
    description: {
      en: 'The house codes: Horsebit, GG Supreme, the Web stripe and the Double G.',
      'zh-CN': '品牌经典元素：马衔扣、GG Supreme、经典织带与双 G。',
      fr: 'Les codes de la maison : mors, GG Supreme, bande Web et Double G.',
      it: 'I codici della maison: Morsetto, GG Supreme, nastro Web e Doppia G.',
    },
    products: ['gg-marmont-small-matelasse-shoulder-bag', 'horsebit-1955-shoulder-bag', 'dionysus-gg-supreme-small-shoulder-bag', 'ophidia-gg-medium-tote', 'jordaan-leather-horsebit-loafer'],
  },
];
