/**
 * Words the synthetic catalog is made of, in English and Simplified Chinese: product types (with their
 * category, nouns, materials, sizes and price range in whole euros), model names, colours, sentences
 * and the ~30 platform collections. Category handles match the demo tree (demo-data.ts) where they
 * overlap, so both sets share one tree.
 */
import type { DemoCategory } from './demo-data.js';

export type Word = readonly [en: string, zh: string];

export interface ProductType {
  category: string;
  weight: number;
  nouns: Word[];
  materials: Word[];
  sizes: Word[] | null;
  /** Price range in whole EUR; CNY and USD are derived. */
  eur: [number, number];
  grams: number;
  /** Only these brands make it (default: the fashion brands). */
  brands?: string[];
}

/** Brands the synthetic catalog adds to the demo's fashion brands (reused by handle when present). */
export const EXTRA_BRANDS: { handle: string; group?: string; en: string; zh: string }[] = [
  { handle: 'bottega-veneta', group: 'kering', en: 'Bottega Veneta', zh: '葆蝶家' },
  { handle: 'saint-laurent', group: 'kering', en: 'Saint Laurent', zh: '圣罗兰' },
  { handle: 'balenciaga', group: 'kering', en: 'Balenciaga', zh: '巴黎世家' },
  { handle: 'alexander-mcqueen', group: 'kering', en: 'Alexander McQueen', zh: '亚历山大·麦昆' },
  { handle: 'jimmy-choo', group: 'capri-holdings', en: 'Jimmy Choo', zh: '周仰杰' },
  { handle: 'guerlain', group: 'lvmh', en: 'Guerlain', zh: '娇兰' },
  { handle: 'longchamp', en: 'Longchamp', zh: '珑骧' },
];

export const FASHION_BRANDS = [
  'michael-kors', 'gucci', 'loewe', 'david-grillo', 'laura-strambi', 'ntmb', 'mishow',
  'bottega-veneta', 'saint-laurent', 'balenciaga', 'alexander-mcqueen', 'jimmy-choo', 'longchamp',
];

/** Categories the synthetic catalog needs beyond the demo tree. */
export const EXTRA_CATEGORIES: DemoCategory[] = [
  { handle: 'clutches', parent: 'bags', name: { en: 'Clutches', 'zh-CN': '手拿包', fr: 'Pochettes', it: 'Pochette' } },
  { handle: 'knitwear', parent: 'ready-to-wear', name: { en: 'Knitwear', 'zh-CN': '针织衫', fr: 'Maille', it: 'Maglieria' } },
  { handle: 'trousers', parent: 'ready-to-wear', name: { en: 'Trousers', 'zh-CN': '长裤', fr: 'Pantalons', it: 'Pantaloni' } },
  { handle: 'skirts', parent: 'ready-to-wear', name: { en: 'Skirts', 'zh-CN': '半身裙', fr: 'Jupes', it: 'Gonne' } },
  { handle: 'boots', parent: 'shoes', name: { en: 'Boots', 'zh-CN': '靴子', fr: 'Bottes', it: 'Stivali' } },
  { handle: 'sandals', parent: 'shoes', name: { en: 'Sandals', 'zh-CN': '凉鞋', fr: 'Sandales', it: 'Sandali' } },
  { handle: 'wallets', parent: 'accessories', name: { en: 'Wallets and card holders', 'zh-CN': '钱包与卡包', fr: 'Portefeuilles et porte-cartes', it: 'Portafogli e portacarte' } },
  { handle: 'belts', parent: 'accessories', name: { en: 'Belts', 'zh-CN': '腰带', fr: 'Ceintures', it: 'Cinture' } },
  { handle: 'sunglasses', parent: 'accessories', name: { en: 'Sunglasses', 'zh-CN': '太阳镜', fr: 'Lunettes de soleil', it: 'Occhiali da sole' } },
  { handle: 'jewellery', parent: 'accessories', name: { en: 'Jewellery', 'zh-CN': '珠宝首饰', fr: 'Bijoux', it: 'Gioielli' } },
];

export const MODELS = [
  'SELMA', 'ALMA', 'VERA', 'NOLA', 'ISOLDE', 'MAREN', 'CELESTE', 'OTTILIE', 'LIV', 'ROMY',
  'ELODIE', 'MIRA', 'SABINE', 'TILDA', 'JUNO', 'IRIS', 'CLEO', 'GRETA', 'LEONA', 'NINA',
  'ODILE', 'PALOMA', 'ROSA', 'SIENNA', 'VIOLA', 'YSABEL', 'ZELDA', 'AURORA', 'BIANCA', 'CAMILLE',
  'DELPHINE', 'ESTELLE', 'FLORA', 'GISELE', 'HELENA', 'INES', 'JOSEPHINE', 'LUCIA', 'MARGAUX', 'OLYMPIA',
];

const BAG: Word[] = [
  ['Leather', '皮革'], ['Calfskin', '小牛皮'], ['Nappa Leather', '纳帕皮革'], ['Suede', '麂皮'], ['Patent Leather', '漆皮'],
  ['Grained Leather', '粒面皮革'], ['Lambskin', '小羊皮'], ['Canvas', '帆布'], ['Croc-Embossed Leather', '压鳄鱼纹皮革'],
  ['Raffia', '拉菲草'], ['Saffiano Leather', '十字纹皮革'],
];
const SHOE: Word[] = [['Leather', '皮革'], ['Suede', '麂皮'], ['Calfskin', '小牛皮'], ['Patent Leather', '漆皮'], ['Canvas', '帆布'], ['Satin', '缎面']];
const FABRIC: Word[] = [
  ['Silk', '真丝'], ['Satin', '缎面'], ['Crepe', '绉纱'], ['Linen', '亚麻'], ['Cotton Poplin', '棉府绸'],
  ['Chiffon', '雪纺'], ['Velvet', '丝绒'], ['Jersey', '针织'], ['Tweed', '粗花呢'],
];
const OUTER: Word[] = [['Leather', '皮革'], ['Wool', '羊毛'], ['Cashmere', '羊绒'], ['Tweed', '粗花呢'], ['Shearling', '羊羔毛'], ['Gabardine', '华达呢'], ['Recycled Nylon', '再生尼龙']];
const KNIT: Word[] = [['Cashmere', '羊绒'], ['Merino Wool', '美利奴羊毛'], ['Mohair', '马海毛'], ['Cotton', '棉'], ['Silk-Cashmere', '真丝羊绒']];
const SCARF: Word[] = [['Silk', '真丝'], ['Silk Twill', '真丝斜纹'], ['Cashmere', '羊绒'], ['Wool', '羊毛'], ['Modal', '莫代尔']];
const METAL: Word[] = [['Gold-Plated', '镀金'], ['Sterling Silver', '纯银'], ['Brass', '黄铜'], ['Pearl', '珍珠']];
const STEEL: Word[] = [['Stainless Steel', '不锈钢'], ['Gold-Tone', '金色'], ['Ceramic', '陶瓷'], ['Titanium', '钛金属']];
const EYEWEAR: Word[] = [['Acetate', '板材'], ['Metal', '金属'], ['Titanium', '钛金属']];
const SHELL: Word[] = [['Aluminium', '铝镁合金'], ['Polycarbonate', '聚碳酸酯']];
const FINISH: Word[] = [['Satin', '缎光'], ['Matte', '哑光'], ['Sheer', '水润'], ['Velvet', '丝绒']];

const LETTER: Word[] = [['XS', 'XS'], ['S', 'S'], ['M', 'M'], ['L', 'L'], ['XL', 'XL']];
const SHOES: Word[] = ['35', '36', '37', '38', '39', '40', '41', '42'].map((s) => [`EU ${s}`, `${s}码`] as const);
const BAGS: Word[] = [['Mini', '迷你'], ['Small', '小号'], ['Medium', '中号'], ['Large', '大号']];
const BELTS: Word[] = ['75', '80', '85', '90'].map((s) => [`${s} cm`, `${s}厘米`] as const);
const CASES: Word[] = [['36 mm', '36毫米'], ['40 mm', '40毫米'], ['44 mm', '44毫米']];
const LUGGAGE: Word[] = [['Cabin', '登机箱'], ['Check-In M', '托运箱 M'], ['Check-In L', '托运箱 L'], ['Trunk', '大容量旅行箱']];

export const PRODUCT_TYPES: ProductType[] = [
  { category: 'handbags', weight: 6, nouns: [['Handbag', '手提包'], ['Top-Handle Bag', '顶部提手包'], ['Mini Handbag', '迷你手提包'], ['Bucket Bag', '水桶包'], ['Satchel', '邮差包']], materials: BAG, sizes: BAGS, eur: [890, 4200], grams: 900 },
  { category: 'shoulder-bags', weight: 4, nouns: [['Shoulder Bag', '单肩包'], ['Saddle Bag', '马鞍包'], ['Chain Bag', '链条包'], ['Hobo Bag', '流浪包']], materials: BAG, sizes: BAGS, eur: [750, 3600], grams: 750 },
  { category: 'crossbody-bags', weight: 3, nouns: [['Crossbody Bag', '斜挎包'], ['Camera Bag', '相机包'], ['Phone Pouch', '手机包']], materials: BAG, sizes: BAGS, eur: [450, 1900], grams: 500 },
  { category: 'totes', weight: 3, nouns: [['Tote', '托特包'], ['Shopper Tote', '购物托特包'], ['Weekend Tote', '周末托特包']], materials: BAG, sizes: BAGS, eur: [650, 2900], grams: 850 },
  { category: 'clutches', weight: 2, nouns: [['Clutch', '手拿包'], ['Evening Clutch', '晚宴手拿包'], ['Pouch', '收纳包']], materials: BAG, sizes: null, eur: [450, 1900], grams: 350 },
  { category: 'wallets', weight: 3, nouns: [['Wallet', '钱包'], ['Card Holder', '卡包'], ['Zip Wallet', '拉链钱包'], ['Continental Wallet', '长款钱包']], materials: BAG, sizes: null, eur: [190, 750], grams: 200 },
  { category: 'scarves', weight: 3, nouns: [['Scarf', '围巾'], ['Stole', '披肩'], ['Square Scarf', '方巾'], ['Bandana', '头巾']], materials: SCARF, sizes: null, eur: [150, 890], grams: 120 },
  { category: 'dresses', weight: 4, nouns: [['Midi Dress', '中长连衣裙'], ['Maxi Dress', '长款连衣裙'], ['Slip Dress', '吊带连衣裙'], ['Shirt Dress', '衬衫裙'], ['Wrap Dress', '裹身连衣裙']], materials: FABRIC, sizes: LETTER, eur: [490, 3200], grams: 450 },
  { category: 'shirts', weight: 4, nouns: [['Blouse', '女士衬衫'], ['Pussy-Bow Blouse', '蝴蝶结领衬衫'], ['Shirt', '衬衫'], ['Oversized Shirt', '宽松衬衫']], materials: FABRIC, sizes: LETTER, eur: [250, 1200], grams: 300 },
  { category: 'outerwear', weight: 5, nouns: [['Jacket', '夹克'], ['Blazer', '西装外套'], ['Biker Jacket', '机车夹克'], ['Trench Coat', '风衣'], ['Wrap Coat', '系带大衣']], materials: OUTER, sizes: LETTER, eur: [890, 6500], grams: 1200 },
  { category: 'knitwear', weight: 3, nouns: [['Sweater', '毛衣'], ['Cardigan', '开衫'], ['Turtleneck', '高领毛衣'], ['Knitted Vest', '针织背心']], materials: KNIT, sizes: LETTER, eur: [350, 1890], grams: 500 },
  { category: 'trousers', weight: 3, nouns: [['Trousers', '长裤'], ['Wide-Leg Trousers', '阔腿裤'], ['Cigarette Trousers', '烟管裤'], ['Pleated Trousers', '褶裥长裤']], materials: [['Wool', '羊毛'], ['Linen', '亚麻'], ['Cotton', '棉'], ['Crepe', '绉纱'], ['Leather', '皮革']], sizes: LETTER, eur: [390, 1600], grams: 600 },
  { category: 'skirts', weight: 2, nouns: [['Pleated Skirt', '百褶裙'], ['Pencil Skirt', '铅笔裙'], ['Midi Skirt', '中长半身裙']], materials: FABRIC, sizes: LETTER, eur: [350, 1500], grams: 400 },
  { category: 'suits', weight: 2, nouns: [['Suit', '西装套装'], ['Trouser Suit', '裤装套装']], materials: [['Wool', '羊毛'], ['Tweed', '粗花呢'], ['Linen', '亚麻'], ['Crepe', '绉纱']], sizes: LETTER, eur: [1290, 4500], grams: 1300 },
  { category: 'sneakers', weight: 3, nouns: [['Sneaker', '运动鞋'], ['Low-Top Sneaker', '低帮运动鞋'], ['Runner', '跑鞋']], materials: SHOE, sizes: SHOES, eur: [450, 1100], grams: 900 },
  { category: 'boots', weight: 3, nouns: [['Ankle Boot', '短靴'], ['Knee Boot', '及膝靴'], ['Chelsea Boot', '切尔西靴']], materials: SHOE, sizes: SHOES, eur: [790, 2400], grams: 1300 },
  { category: 'loafers', weight: 2, nouns: [['Loafer', '乐福鞋'], ['Horsebit Loafer', '马衔扣乐福鞋'], ['Penny Loafer', '便士乐福鞋']], materials: SHOE, sizes: SHOES, eur: [590, 1200], grams: 800 },
  { category: 'sandals', weight: 2, nouns: [['Sandal', '凉鞋'], ['Slide', '拖鞋'], ['Mule', '穆勒鞋']], materials: SHOE, sizes: SHOES, eur: [390, 1100], grams: 500 },
  { category: 'belts', weight: 2, nouns: [['Belt', '腰带'], ['Reversible Belt', '双面腰带'], ['Logo Belt', '标识腰带']], materials: [['Leather', '皮革'], ['Calfskin', '小牛皮'], ['Suede', '麂皮']], sizes: BELTS, eur: [290, 790], grams: 250 },
  { category: 'sunglasses', weight: 2, nouns: [['Sunglasses', '太阳镜'], ['Cat-Eye Sunglasses', '猫眼太阳镜'], ['Aviator Sunglasses', '飞行员太阳镜']], materials: EYEWEAR, sizes: null, eur: [290, 690], grams: 60 },
  { category: 'jewellery', weight: 2, nouns: [['Necklace', '项链'], ['Bracelet', '手链'], ['Earrings', '耳环'], ['Ring', '戒指']], materials: METAL, sizes: null, eur: [190, 1500], grams: 40 },
  { category: 'watches', weight: 2, nouns: [['Watch', '腕表'], ['Chronograph', '计时腕表']], materials: STEEL, sizes: CASES, eur: [250, 2900], grams: 160, brands: ['michael-kors', 'gucci'] },
  { category: 'suitcases', weight: 1, nouns: [['Suitcase', '行李箱'], ['Trolley', '拉杆箱']], materials: SHELL, sizes: LUGGAGE, eur: [650, 1500], grams: 4000, brands: ['rimowa'] },
  { category: 'lipstick', weight: 2, nouns: [['Lipstick', '唇膏'], ['Lip Colour', '唇彩']], materials: FINISH, sizes: null, eur: [35, 60], grams: 40, brands: ['estee-lauder', 'guerlain'] },
];

export const COLOURS: Word[] = [
  ['Black', '黑色'], ['Ivory', '象牙白'], ['Camel', '驼色'], ['Cognac', '干邑棕'], ['Burgundy', '酒红色'], ['Navy', '藏青色'],
  ['Forest Green', '森林绿'], ['Taupe', '灰褐色'], ['Blush', '裸粉色'], ['Oxblood', '牛血红'], ['Sand', '沙色'],
  ['Chocolate', '巧克力色'], ['Stone', '石灰色'], ['Cream', '奶油色'], ['Silver', '银色'], ['Gold', '金色'],
];

/** {m} model, {n} noun, {a} material; the Chinese sentence is the translation of the English one. */
export const OPENERS: Word[] = [
  ['The {m} {n} is crafted from supple {a} with a clean, structured silhouette.', '{m} {n}采用柔软{a}精制而成，廓形利落挺括。'],
  ['Cut from {a}, the {m} {n} pairs quiet luxury with everyday ease.', '{m} {n}以{a}裁制，低调奢华又不失日常舒适。'],
  ['A signature of the house, the {m} {n} is made from {a} and finished by hand.', '作为品牌标志性单品，{m} {n}以{a}制成，并经手工精心修饰。'],
  ['Shown on the runway in Milan, the {m} {n} comes in {a} with a soft sheen.', '{m} {n}曾亮相米兰秀场，采用{a}，泛着柔和光泽。'],
  ['The {m} {n} reinterprets an archive shape in {a}.', '{m} {n}以{a}重新演绎品牌档案中的经典造型。'],
];

export const DETAILS: Word[] = [
  ['Gold-tone hardware and tonal topstitching complete the look.', '金色五金与同色明线缉缝成就整体造型。'],
  ['It is finished with hand-painted edges and a discreet embossed logo.', '手工涂边，饰以低调压印标识。'],
  ['The interior is lined in cotton twill with a zip pocket.', '内衬棉质斜纹布，配有拉链内袋。'],
  ['A detachable strap and a magnetic closure make it easy to wear.', '可拆卸肩带与磁吸扣设计，便于搭配。'],
  ['It is tailored for a relaxed fit with a fluid drape.', '宽松剪裁，垂坠感流畅。'],
  ['Mother-of-pearl buttons and French seams add a refined touch.', '珍珠母贝纽扣与法式包缝增添精致细节。'],
  ['Each piece is numbered and comes with a certificate of authenticity.', '每件单品均有独立编号，并附正品证书。'],
  ['It can be reserved with a deposit during the festival pre-sale.', '购物节预售期间可支付定金预订。'],
  ['Palladium-finish hardware and a suede-lined interior complete it.', '钯金色五金搭配麂皮内衬。'],
  ['Wear it from the office to the evening with effortless polish.', '从通勤到晚宴，轻松展现优雅格调。'],
];

export const ORIGINS: Word[] = [
  ['Made in Italy.', '意大利制造。'], ['Made in France.', '法国制造。'], ['Made in Spain.', '西班牙制造。'],
  ['Handcrafted in Florence.', '佛罗伦萨手工制作。'], ['Made in Portugal.', '葡萄牙制造。'],
];

export const IMAGE_VIEWS: Word[] = [['front view', '正面图'], ['side view', '侧面图'], ['detail', '细节图']];

/** Platform-curated collections (no brand); none shares a handle with the demo's. */
export const COLLECTIONS: [handle: string, en: string, zh: string][] = [
  ['new-arrivals', 'New Arrivals', '新品上市'],
  ['bestsellers', 'Bestsellers', '热销榜单'],
  ['eleven-eleven-edit', 'The 11.11 Edit', '双 11 精选'],
  ['double-twelve-edit', 'The 12.12 Edit', '双 12 精选'],
  ['chinese-new-year-capsule', 'Chinese New Year Capsule', '新春限定系列'],
  ['qixi-festival-gifts', 'Qixi Festival Gifts', '七夕礼物'],
  ['mid-autumn-gifts', 'Mid-Autumn Gifts', '中秋礼赠'],
  ['love-520-edit', 'The 520 Love Edit', '520 告白精选'],
  ['see-now-buy-now', 'See Now, Buy Now', '即看即买'],
  ['milan-runway', 'From the Milan Runway', '米兰秀场同款'],
  ['paris-runway', 'From the Paris Runway', '巴黎秀场同款'],
  ['design-week-picks', 'Design Week Picks', '设计周精选'],
  ['black-card-exclusives', 'Black Card Exclusives', '黑卡会员专享'],
  ['deposit-pre-sale', 'Deposit Pre-Sale', '定金预售'],
  ['limited-editions', 'Limited Editions', '限量版'],
  ['quiet-luxury', 'Quiet Luxury', '静奢风'],
  ['it-bags', 'The It Bags', '明星包款'],
  ['office-edit', 'The Office Edit', '通勤精选'],
  ['evening-edit', 'The Evening Edit', '晚宴精选'],
  ['resort', 'Resort', '度假系列'],
  ['spring-summer', 'Spring-Summer', '春夏系列'],
  ['autumn-winter', 'Autumn-Winter', '秋冬系列'],
  ['conscious-materials', 'Conscious Materials', '环保材质'],
  ['art-of-embroidery', 'The Art of Embroidery', '刺绣艺术'],
  ['travel-in-style', 'Travel in Style', '旅行风尚'],
  ['gifts-under-3000', 'Gifts under ¥3,000', '3000 元以内礼物'],
  ['logo-mania', 'Logo Mania', '标识控'],
  ['leather-craft', 'Leather Craft', '皮具工艺'],
  ['menswear-edit', 'The Menswear Edit', '男士精选'],
  ['as-seen-on-stars', 'As Seen on Stars', '明星同款'],
];
