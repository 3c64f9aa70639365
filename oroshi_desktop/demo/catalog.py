"""The fixed demo catalogue (DOMAIN.md §7, salmon theme) and the name pools for larger scales.

Everything here is plain data; ``supply.py`` and ``sales.py`` turn it into rows. The e-mail
addresses of organizations and buyers use the reserved ``example.com`` domain so that a demo
database can never mail a real third party.
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTRY_JAPAN = 392
ORG_ADDRESSABLE_TYPE = "Oroshi::SupplierOrganization"

COMPANY_SETTINGS = {
    "name": "株式会社オロシサーモン",
    "postal_code": "060-0042",
    "address": "北海道札幌市中央区大通西1-1-1 オロシビル5F",
    "phone": "011-555-0123",
    "fax": "011-555-0124",
    "mail": "info@oroshi-salmon.jp",
    "web": "https://oroshi-salmon.jp",
    "invoice_number": "T9234567890123",  # a valid check digit: 設定 refuses others
}

# (time_qualifier, hour): Japanese labels print better on the check sheet than morning/evening.
RECEPTION_TIMES = (("午前", 9), ("午後", 14), ("夜", 17))


@dataclass(frozen=True)
class VariationSpec:
    name: str
    handle: str
    containers: int  # default_container_count
    quantity: tuple[float, float]  # per container: kg (one decimal) or pieces
    price: tuple[int, int]  # yen per kg or per piece, chosen per organization and half-month


@dataclass(frozen=True)
class SupplyTypeSpec:
    name: str
    units: str
    handle: str
    liquid: bool
    variations: tuple[VariationSpec, ...]


SUPPLY_TYPES = (
    SupplyTypeSpec("鮭", "kg", "sake", False, (
        VariationSpec("フィレカット", "sake-fillet", 10, (5.0, 20.0), (1200, 1800)),
        VariationSpec("丸ごと", "sake-whole", 5, (10.0, 40.0), (700, 1000)),
    )),
    SupplyTypeSpec("マグロ", "kg", "maguro", False, (
        VariationSpec("サク", "maguro-saku", 20, (3.0, 15.0), (3000, 4500)),
    )),
    # liquid=True: the check sheet adds temperature, pH and salinity checks for this type.
    SupplyTypeSpec("ホタテ", "kg", "hotate", True, (
        VariationSpec("活", "hotate-live", 15, (10.0, 30.0), (600, 900)),
    )),
    # A piece-counted type, so statements and sheets show 個 quantities next to kg.
    SupplyTypeSpec("殻付きホタテ", "個", "hotate-shell", False, (
        VariationSpec("大", "hotate-shell-large", 8, (60, 200), (60, 100)),
        VariationSpec("小", "hotate-shell-small", 8, (120, 400), (30, 60)),
    )),
)


@dataclass(frozen=True)
class ProducerSpec:
    number: int
    company_name: str
    short_name: str
    representatives: tuple[str, ...]
    invoice_number: str
    variations: tuple[str, ...]  # variation handles the producer may deliver


@dataclass(frozen=True)
class OrganizationSpec:
    entity_name: str
    entity_type: int  # union=0 組合, company=1 会社, individual=2 個人, other=3 その他
    subregion_id: int
    micro_region: str
    invoice_number: str
    email: str | None
    phone: str
    fax: str
    reception_times: tuple[str, ...]  # time qualifiers
    postal_code: str
    address1: str
    address2: str | None
    free_entry: bool
    producers: tuple[ProducerSpec, ...]
    extra_producers: int  # generated producers after the named ones (scale 1)
    variation_pool: tuple[str, ...]  # what generated producers of this organization deliver


NAMED_ORGANIZATIONS = (
    OrganizationSpec(
        "北海水産協同組合", 1, 1, "札幌市", "T9876543210987", "keiri@hokkai-suisan.example.com",
        "011-222-3330", "011-222-3333", ("午前", "午後"), "060-0001", "中央区北1条西10丁目1-1",
        "北海水産ビル3F", False,
        (
            ProducerSpec(1, "札幌サーモン株式会社", "札幌サーモン", ("山田 太郎", "佐藤 花子"),
                         "T1111111111111", ("sake-fillet", "sake-whole")),
            ProducerSpec(2, "函館水産株式会社", "函館水産", ("鈴木 次郎",), "T2222222222222",
                         ("sake-fillet", "maguro-saku")),
        ),
        4, ("sake-fillet", "sake-whole", "maguro-saku"),
    ),
    OrganizationSpec(
        "青森県漁業協同組合連合会", 0, 2, "青森市", "T1234567891234", "jimu@aomori-gyoren.example.com",
        "017-777-8880", "017-777-8888", ("午前", "夜"), "030-0803", "安方1丁目2-3", None, False,
        (
            ProducerSpec(1, "青森海産物株式会社", "青森海産物", ("田中 三郎",), "T3333333333333",
                         ("hotate-live", "maguro-saku")),
        ),
        4, ("hotate-live", "hotate-shell-large", "hotate-shell-small", "maguro-saku"),
    ),
)

# The small free-entry group: always listed on the check sheet for hand-written entry, and the
# one organization without an e-mail address (its statements are printed and posted).
FREE_ENTRY_ORGANIZATION = OrganizationSpec(
    "陸奥湾ホタテ生産者の会", 3, 2, "平内町", "T4444444444448", None, "017-755-2100", "017-755-2101",
    ("午前",), "039-3321", "大字小湊字小湊63", None, True, (), 2,
    ("hotate-live", "hotate-shell-large", "hotate-shell-small"),
)

# Generated organizations at larger scales: (prefecture code, town, area prefix, phone area code).
FISHING_AREAS = (
    (1, "小樽市", "小樽", "0134"), (1, "函館市", "函館", "0138"), (1, "釧路市", "釧路", "0154"),
    (1, "根室市", "根室", "0153"), (1, "稚内市", "稚内", "0162"), (1, "網走市", "網走", "0152"),
    (1, "紋別市", "紋別", "0158"), (1, "厚岸町", "厚岸", "0153"), (1, "羅臼町", "羅臼", "0153"),
    (2, "八戸市", "八戸", "0178"), (2, "むつ市", "大畑", "0175"), (2, "大間町", "大間", "0175"),
    (3, "宮古市", "宮古", "0193"), (3, "釜石市", "釜石", "0193"), (3, "大船渡市", "大船渡", "0192"),
    (4, "気仙沼市", "気仙沼", "0226"), (4, "石巻市", "石巻", "0225"), (4, "女川町", "女川", "0225"),
    (5, "男鹿市", "男鹿", "0185"), (6, "酒田市", "酒田", "0234"), (7, "いわき市", "小名浜", "0246"),
    (15, "佐渡市", "佐渡", "0259"), (16, "氷見市", "氷見", "0766"), (17, "輪島市", "輪島", "0768"),
    (22, "焼津市", "焼津", "054"), (24, "鳥羽市", "鳥羽", "0599"), (28, "赤穂市", "坂越", "0791"),
    (28, "相生市", "相生", "0791"), (32, "浜田市", "浜田", "0855"), (39, "高知市", "高知", "088"),
    (42, "長崎市", "長崎", "095"), (46, "枕崎市", "枕崎", "0993"), (47, "糸満市", "糸満", "098"),
)

FAMILY_NAMES = (
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
    "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本",
    "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤",
    "村上", "遠藤", "青木", "坂本", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "三浦",
    "中野", "原田", "松田", "竹内", "小野", "田村", "中山", "和田", "石田", "上田", "森田", "工藤",
)
GIVEN_NAMES = (
    "太郎", "次郎", "三郎", "健一", "誠", "浩", "隆", "修", "実", "勇", "茂", "博", "清", "進", "豊",
    "学", "剛", "大輔", "翔太", "拓也", "花子", "洋子", "恵子", "幸子", "由美", "直美", "久美子",
    "美咲", "優子", "真由美",
)

# --- Sales side -----------------------------------------------------------------------------

BUYER_CATEGORIES = (("卸売市場", "市", "#4ecdc4"), ("飲食店・小売", "店", "#f38181"))


@dataclass(frozen=True)
class BuyerSpec:
    name: str
    handle: str
    entity_type: int  # wholesale_market 0, retailer 1, company 2, individual 3, other 4
    handling_cost: float
    daily_cost: float
    optional_cost: float
    commission: str  # commission_percentage as a decimal string
    color: str
    associated_system_id: str | None
    category: int  # index into BUYER_CATEGORIES
    methods: tuple[str, ...]  # shipping method handles
    phone: str
    brokerage: bool


NAMED_BUYERS = (
    BuyerSpec("築地市場", "tsukiji-market", 0, 1500, 800, 300, "5.0", "#4ecdc4", "001", 0,
              ("oroshi-chilled",), "03-3541-0001", True),
    BuyerSpec("豊洲市場", "toyosu-market", 0, 2000, 1000, 300, "6.0", "#ff6b6b", "002", 0,
              ("oroshi-chilled", "oroshi-frozen"), "03-3520-0002", True),
    BuyerSpec("札幌中央卸売市場", "sapporo-central", 0, 1200, 600, 200, "4.5", "#95e1d3", "003", 0,
              ("oroshi-chilled",), "011-611-0003", True),
    BuyerSpec("レストラン直送", "direct-restaurant", 1, 500, 200, 0, "0", "#f38181", "004", 1,
              ("yamato-direct",), "011-231-0004", False),
    # No associated_system_id: the shipping chart must sort it last instead of failing on None.
    BuyerSpec("函館朝市 鮮魚店", "hakodate-asaichi", 1, 800, 300, 0, "0", "#ffd93d", None, 1,
              ("oroshi-chilled",), "0138-22-0005", False),
)

# (name, handle, [(method name, handle, daily, per box, per freight unit, departure times)])
CARRIERS = (
    ("オロシエクスプレス", "oroshi-express", (
        ("冷蔵便", "oroshi-chilled", 2000, 400, 1000, ("06:00", "14:00")),
        ("冷凍便", "oroshi-frozen", 2500, 500, 1200, ("06:00",)),
    )),
    ("ヤマト運輸 クール便", "yamato-cool", (
        ("直送便", "yamato-direct", 1500, 300, 800, ("17:00",)),
    )),
)

# (name, handle, cost, default_freight_bundle_quantity, interior w/d/h mm, exterior w/d/h mm)
RECEPTACLES = (
    ("保冷箱S", "cool-box-s", 800, 10, (300, 200, 150), (340, 240, 190)),
    ("保冷箱M", "cool-box-m", 1200, 20, (400, 300, 200), (440, 340, 240)),
    ("保冷箱L", "cool-box-l", 1800, 30, (500, 350, 250), (540, 390, 290)),
)

# (product name, units, supply type handle)
PRODUCTS = (("鮭パック", "kg", "sake"), ("マグロパック", "kg", "maguro"), ("ホタテパック", "kg", "hotate"))


@dataclass(frozen=True)
class ProductVariationSpec:
    product: str
    name: str
    handle: str
    volume: float  # primary_content_volume (kg)
    receptacle: str  # default receptacle handle
    shelf_life: int  # days
    per_box: int
    subregion_id: int  # origin prefecture
    price: tuple[int, int]  # sale price per item (yen)
    supply_variation: str  # supply type variation handle it is made from


PRODUCT_VARIATIONS = (
    ProductVariationSpec("鮭パック", "鮭フィレ 1kg", "salmon-fillet-1kg", 1.0, "cool-box-m", 7, 12, 1,
                         (1800, 2400), "sake-fillet"),
    ProductVariationSpec("鮭パック", "鮭フィレ 500g", "salmon-fillet-500g", 0.5, "cool-box-s", 5, 20, 1,
                         (950, 1300), "sake-fillet"),
    ProductVariationSpec("マグロパック", "マグロサク 200g", "tuna-saku-200g", 0.2, "cool-box-s", 3, 12, 2,
                         (900, 1400), "maguro-saku"),
    ProductVariationSpec("ホタテパック", "活ホタテ 1kg", "live-scallop-1kg", 1.0, "cool-box-m", 5, 12, 2,
                         (1100, 1500), "hotate-live"),
)

ORDER_CATEGORIES = (("通常注文", "#1e90ff"), ("緊急注文", "#ff4444"), ("サンプル注文", "#ffa500"),
                    ("試験注文", "#9b59b6"))

ORDER_NOTES = ("午前着希望", "発泡スチロール二重梱包", "氷多めでお願いします", "伝票は2枚に分けてください",
               "到着後すぐに連絡", "数量変更の可能性あり")

@dataclass(frozen=True)
class TemplateSpec:
    identifier: str
    buyer: str
    variation: str
    items: int
    boxes: int
    freight: int
    notes: str


TEMPLATES = (
    TemplateSpec("週次サーモン配送", "tsukiji-market", "salmon-fillet-1kg", 40, 4, 1,
                 "毎週月曜の定期便。数量は前週の実績で調整。"),
    TemplateSpec("隔週マグロ配送", "toyosu-market", "tuna-saku-200g", 100, 10, 3, "隔週水曜。冷凍便で出荷。"),
)

# Generated buyers at larger scales: (entity_type, name pattern); {city} and {family} are filled in.
BUYER_PATTERNS = (
    (0, "{city}地方卸売市場"), (1, "{city}{family}鮮魚店"), (1, "スーパー{family} {city}店"),
    (2, "株式会社{city}フーズ"), (2, "{city}水産加工株式会社"), (3, "寿司処 {family}"),
    (3, "割烹 {family}"), (4, "ホテル{city}"),
)
BUYER_CITIES = (
    "札幌", "函館", "旭川", "青森", "八戸", "盛岡", "仙台", "秋田", "山形", "福島", "新潟", "金沢",
    "東京", "横浜", "千葉", "大宮", "名古屋", "京都", "大阪", "神戸", "広島", "福岡", "熊本", "那覇",
)
