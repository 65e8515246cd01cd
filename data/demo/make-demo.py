#!/usr/bin/python3
"""Generates data/demo/*.csv, the Lezhi demo inventory (issue 2 item 6).

Deterministic (seeded). Figures are invented but plausible, chosen so that
`progress --year 2020` reproduces the plan's baseline (village sewage ≥ 75 %,
manure utilisation 93 %, scale-farm facility matching 100 %) and 2021–2025
show progress. Every point is placed inside data/boundaries/512022.geojson
near its township's seat (the seats are in src/core/regions/ledger-demo.c).
Run from the repository root: ./data/demo/make-demo.py
"""
import csv, gzip, json, math, random, sys

SEATS = {
 "512022001": (105.030, 30.285), "512022002": (105.045, 30.255), "512022101": (105.040, 30.400),
 "512022102": (104.935, 30.215), "512022103": (105.190, 30.120), "512022104": (105.130, 30.265),
 "512022105": (104.935, 30.345), "512022106": (105.035, 30.200), "512022107": (104.880, 30.280),
 "512022108": (105.090, 30.130), "512022109": (104.990, 30.460), "512022110": (105.100, 30.200),
 "512022111": (105.160, 30.290), "512022112": (105.085, 30.330), "512022113": (105.000, 30.355),
 "512022114": (105.195, 30.265), "512022115": (104.920, 30.560), "512022116": (104.920, 30.420),
 "512022117": (104.985, 30.515), "512022118": (105.170, 30.215), "512022204": (104.900, 30.245),
}
MANURE = {"pig": 1.9, "dairy": 16.4, "beef": 11.0, "sheep_goat": 0.95, "layer": 0.044,
          "broiler": 0.03, "other_poultry": 0.04}
# MARA 2025 scale standard (the ledger's default): (measure, threshold)
SCALE = {"pig": ("output", 500), "dairy": ("stock", 100), "beef": ("output", 50),
         "sheep_goat": ("output", 200), "layer": ("stock", 2000), "broiler": ("output", 10000)}

rng = random.Random(512022)
outline = [p[0] for p in json.load(open("data/boundaries/512022.geojson"))["features"][0]["geometry"]["coordinates"]]


def inside(x, y):
    hit = False
    for ring in outline:
        j = len(ring) - 1
        for i in range(len(ring)):
            (xi, yi), (xj, yj) = ring[i], ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                hit = not hit
            j = i
    return hit


def place(township, radius):
    sx, sy = SEATS[township]
    while True:
        a, r = rng.uniform(0, 2 * math.pi), radius * math.sqrt(rng.random())
        x, y = round(sx + r * math.cos(a), 5), round(sy + r * math.sin(a), 5)
        if inside(x, y):
            return x, y
        radius *= 0.8


divisions = {}
with gzip.open("data/divisions.tsv.gz", "rt", encoding="utf-8") as f:
    for line in f:
        code, name = line.rstrip("\n").split("\t")
        if code.startswith("512022"):
            divisions[code] = name
        elif code > "512022":
            break
units = sorted(c for c in divisions if len(c) == 12)
admin = [c for c in units if 200 <= int(c[9:]) <= 399]
communities = [c for c in units if 1 <= int(c[9:]) <= 199]
by_township = {}
for c in admin:
    by_township.setdefault(c[:9], []).append(c)


def first_admin(t):
    return by_township[t][0]


def write(name, header, rows):
    with open("data/demo/" + name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

# ---- facilities ----
STREET = ("512022001", "512022002")
PLANT_TOWNS = ["512022111", "512022112", "512022104", "512022116", "512022106", "512022118",
               "512022113", "512022101", "512022114", "512022103", "512022115"]
facilities = []
counter = {}


def fcode(letter, village):
    counter[(letter, village)] = counter.get((letter, village), 0) + 1
    return "%s%s-%d" % (letter, village, counter[(letter, village)])


def facility(name, kind, village, process, cap, served, std, op, status, comm, radius=0.004):
    x, y = place(village[:9], radius) if radius else SEATS[village[:9]]
    code = fcode("F", village)
    facilities.append([code, name, kind, village, process, cap, served, std, op, status, comm, x, y])
    return code

seat_village = {t: ([c for c in communities if c[:9] == t] or by_township[t])[0] for t in SEATS}
county_plant = facility("乐至县城市生活污水处理厂", "乡镇污水处理厂", seat_village["512022001"],
                        "A²/O+深度处理", 40000, 52000, "一级A", "乐至县排水有限公司", "正常运行", "2009-12-28")
facility("乐至县城市生活污水处理厂（三期）", "乡镇污水处理厂", seat_village["512022001"],
         "MBBR+高效沉淀+深床滤池", 20000, "", "一级A", "乐至县排水有限公司", "在建", "")
zt_park = facility("乐至县中天园区污水处理厂", "乡镇污水处理厂", by_township["512022111"][1],
                   "改良A²/O", 5000, "", "一级A", "乐至县中天园区管理委员会", "正常运行", "2019-06-30", 0.012)
facility("乐至县童家发展区污水处理厂", "乡镇污水处理厂", by_township["512022104"][1],
         "A²/O+MBR", 3000, "", "一级A", "乐至县童家发展区管理委员会", "正常运行", "2020-09-30", 0.012)
facility("陈毅故里景区污水处理厂", "乡镇污水处理厂", by_township["512022110"][0],
         "生物接触氧化", 500, 380, "一级A", "乐至县陈毅故里景区管理处", "正常运行", "2018-04-30", 0.012)
NAMES = {t: divisions[t] for t in SEATS}
plant_codes = {}
for i, t in enumerate(PLANT_TOWNS):
    plant_codes[t] = facility("%s污水处理厂" % NAMES[t], "乡镇污水处理厂", seat_village[t], "A²/O",
                              [800, 600, 1000, 500, 600, 400, 300, 500, 400, 300, 300][i],
                              [1500, 1100, 1900, 900, 1200, 800, 600, 950, 700, 520, 560][i],
                              "一级A" if i < 4 else "一级B", "乐至县乡镇污水处理运维中心", "正常运行",
                              "%d-%02d-30" % (2014 + i % 6, 3 + i % 9))

# ---- villages: modes and years ----
# 234 administrative villages. 2020: 176 effective (75.2 %): 177 done by 2020,
# less one whose village station is faulty; two more done by 2020 but covering
# too few households; +5 +5 +4 +4 +3 done 2021–2025; the rest untreated or unrecorded.
order = admin[:]
rng.shuffle(order)
street_villages = [c for c in order if c[:9] in STREET]
others = [c for c in order if c[:9] not in STREET]
done_2020 = street_villages + others[:177 - len(street_villages)]
rest = others[177 - len(street_villages):]
low_cov, rest = rest[:2], rest[2:]
later = {}
for year, n in zip(range(2021, 2026), (5, 5, 4, 4, 3)):
    for c in rest[:n]:
        later[c] = year
    rest = rest[n:]
untreated, unrecorded = rest[:24], rest[24:]
assert len(unrecorded) == 10, len(unrecorded)


def mode_for(c):
    t = c[:9]
    if t in STREET or (t in PLANT_TOWNS and c == by_township[t][0]):
        return "纳入城镇管网"
    return rng.choice(["集中处理", "集中处理", "分散处理", "资源化利用"])

village_rows = []
stations = []
down_village = None
for c in units:
    t = c[:9]
    households = rng.randint(320, 860) if c in admin else rng.randint(900, 2600)
    population = int(households * rng.uniform(2.3, 2.9))
    # illustrative locations, not surveyed: a seeded draw within 0.03° of the
    # (invented) township seat, kept inside the county outline
    x, y = place(t, 0.03)
    mode = cover = year = note = ""
    if c in communities and (t in STREET or c == seat_village.get(t)):
        mode, cover = "纳入城镇管网", int(households * 0.95)
        note = "社区：记录治理情况，不计入行政村指标"
    elif c in done_2020 or c in later:
        mode = mode_for(c)
        cover = int(households * rng.uniform(0.62, 0.96))
        year = later.get(c, rng.choice(["", "", "2016", "2017", "2018", "2019", "2020"]))
        if mode == "集中处理":
            stations.append(c)
        if mode == "集中处理" and down_village is None and c in done_2020:
            down_village = c
            note = "处理站运行异常，待整改"
    elif c in low_cov:
        mode, cover, year = "分散处理", int(households * 0.3), "2019"
        note = "覆盖户数不足，计划扩面"
    elif c in untreated:
        mode = "未治理"
        note = "纳入“十四五”治理计划"
    village_rows.append([c, divisions[c], households, population, x, y, mode, cover, year, note])
write("villages.csv", ["行政村代码", "名称", "户数", "常住人口", "经度", "纬度", "治理方式", "覆盖户数", "完成年份", "备注"],
      village_rows)

station_codes = []
for c in stations:
    row = next(r for r in village_rows if r[0] == c)
    status = "运行异常" if c == down_village else "正常运行"
    served = max(1, int(row[7]) - rng.randint(0, 20)) if row[7] != "" else ""
    comm = "%s-%02d-%02d" % (row[8] or "2015", rng.randint(3, 11), rng.randint(1, 28))
    station_codes.append(facility("%s污水处理站" % divisions[c], "村级集中处理站", c,
                                  rng.choice(["A/O+人工湿地", "生物接触氧化", "一体化设备(MBR)", "厌氧+人工湿地"]),
                                  rng.choice([30, 50, 80, 100]), served, "DB51/2626-2019 一级",
                                  "乐至县乡镇污水处理运维中心", status, comm, 0.02))
for c in [r[0] for r in village_rows if r[6] in ("分散处理",)][:12]:
    facility("%s分散式处理设施" % divisions[c], "分散式处理设施", c, "三格化粪池+人工湿地", 5, 40,
             "DB51/2626-2019 三级", "村委会", "正常运行", "2019-10-15", 0.02)
stopped_unit = facility("%s分散式处理设施" % divisions[untreated[0]], "分散式处理设施", untreated[0],
                        "三格化粪池", 3, 25, "DB51/2626-2019 三级", "村委会", "停运", "2015-05-20", 0.02)
write("facilities.csv", ["编号", "名称", "类型", "行政村代码", "工艺", "设计规模(吨/日)", "服务户数", "排放标准",
                         "运维单位", "运行状态", "投运日期", "经度", "纬度"], facilities)

# ---- farms ----
YEARS = range(2020, 2026)
# name, operator, township, species, stock 2020, output 2020, yearly growth, utilisation way, years with figures
FARMS = [
    ("四川圣美园农牧有限公司生猪养殖场", "四川圣美园农牧有限公司", "512022102", "pig", 5200, 10400, 0.04, "有机肥", None),
    ("乐至县农欢猪业专业合作社", "乐至县农欢猪业专业合作社", "512022101", "pig", 2400, 4800, 0.03, "还田", None),
    ("乐至县龙翔牧业发展有限公司肉牛养殖场", "乐至县龙翔牧业发展有限公司", "512022109", "beef", 420, 260, 0.05, "有机肥", None),
    ("大佛镇乐至黑山羊养殖基地", "乐至县大佛镇黑山羊养殖专业合作社", "512022106", "sheep_goat", 1300, 900, 0.06, "还田", None),
    ("大佛镇生猪标准化养殖场", "乐至县大佛镇兴旺养殖场", "512022106", "pig", 900, 1800, 0.02, "沼气", None),
    ("劳动镇蛋鸡养殖场", "乐至县劳动镇蛋鸡养殖专业合作社", "512022110", "layer", 32000, 0, 0.03, "有机肥", None),
    ("劳动镇生猪养殖场", "乐至县劳动镇康源养殖场", "512022110", "pig", 750, 1500, 0.02, "沼气", None),
    ("劳动镇乐至黑山羊养殖场", "乐至县劳动镇山羊养殖专业合作社", "512022110", "sheep_goat", 600, 420, 0.05, "还田", None),
    ("良安镇乐至黑山羊种羊场", "乐至县良安镇黑山羊种羊场", "512022107", "sheep_goat", 800, 520, 0.04, "还田", None),
    ("蟠龙镇生猪养殖场", "乐至县蟠龙镇鑫源养殖场", "512022113", "pig", 650, 1300, 0.02, "还田", None),
    ("童家镇肉鸡养殖场", "乐至县童家镇禽业专业合作社", "512022104", "broiler", 9000, 54000, 0.03, "有机肥", None),
    ("宝林镇奶牛养殖场", "乐至县宝林镇奶牛养殖场", "512022105", "dairy", 130, 0, 0.02, "沼气", None),
    ("回澜镇肉牛养殖场", "乐至县回澜镇肉牛养殖专业合作社", "512022102", "beef", 160, 90, 0.04, "还田", None),
    ("佛星镇肉鸡养殖场", "乐至县佛星镇众鑫家禽养殖场", "512022112", "broiler", 1300, 7800, 0.0, "有机肥", "grows"),
    # small farms (not scale): manure produced left blank = estimated from stock
    ("中天镇生猪养殖户", "王德全", "512022111", "pig", 120, 240, 0.0, "还田", (2020, 2023)),
    ("石湍镇山羊养殖户", "李秀英", "512022103", "sheep_goat", 90, 70, 0.0, "还田", (2020, 2023)),
    ("高寺镇土鸡养殖户", "张国华", "512022116", "other_poultry", 800, 1500, 0.0, "还田", (2020, 2022)),
    ("东山镇生猪养殖户", "陈明", "512022114", "pig", 150, 300, 0.0, "还田", (2020, 2024)),
]
# utilisation ratio by year: 2020 ends at 93 %, rising to ~96 %
RATIO = {2020: 0.93, 2021: 0.937, 2022: 0.944, 2023: 0.95, 2024: 0.956, 2025: 0.962}


def is_scale(species, stock, output):
    if species not in SCALE:
        return False
    measure, threshold = SCALE[species]
    return (stock if measure == "stock" else output) >= threshold

farm_rows = []
totals = {y: [0.0, 0.0] for y in YEARS}
for i, (name, op, t, species, stock0, out0, growth, way, years) in enumerate(FARMS):
    village = by_township[t][(i * 3) % len(by_township[t])]
    x, y = place(t, 0.025)
    code = fcode("L", village)
    small = isinstance(years, tuple)
    for year in (years if small else YEARS):
        k = (1 + growth) ** (year - 2020)
        stock, output = int(stock0 * k), int(out0 * k)
        if years == "grows" and year >= 2024:
            stock, output = 2100, 12600   # became a scale farm in 2024
        matched = "是" if is_scale(species, stock, output) and not (years == "grows" and year == 2024) else ""
        if not is_scale(species, stock, output):
            matched = "是" if rng.random() < 0.5 else "否"
        if small:
            produced = ""
            base = stock * MANURE[species]
        else:
            base = round(stock * MANURE[species] * rng.uniform(0.97, 1.03), 1)
            produced = base
        if years == "grows" and year == 2024:
            matched = "否"
        utilised = round(base * min(0.99, RATIO[year] * rng.uniform(0.985, 1.015)), 1)
        farm_rows.append([code, name, op, village, species, x, y, year, stock, output, matched,
                          produced, utilised, way])
species_zh = {"pig": "生猪", "dairy": "奶牛", "beef": "肉牛", "sheep_goat": "羊", "layer": "蛋鸡",
              "broiler": "肉鸡", "other_poultry": "其他家禽"}


def manure_rate(year):
    latest = {}
    for r in farm_rows:
        if r[7] <= year and (r[0] not in latest or latest[r[0]][7] < r[7]):
            latest[r[0]] = r
    produced = sum(r[11] if r[11] != "" else r[8] * MANURE[r[4]] for r in latest.values())
    utilised = sum(r[12] for r in latest.values())
    return utilised, produced

# Nudge the biggest farm's 2020 utilisation so that 2020 is 93.0 % (≥ 0.93, < 0.9305).
for r in farm_rows:
    if r[1].startswith("四川圣美园") and r[7] == 2020:
        u, p = manure_rate(2020)
        r[12] = round(r[12] + (0.9302 * p - u), 1)
        assert r[12] <= r[11]
for year in YEARS:
    u, p = manure_rate(year)
    print("manure", year, round(u, 1), round(p, 1), round(u / p, 4), file=sys.stderr)
write("farms.csv", ["编号", "名称", "经营主体", "行政村代码", "畜种", "经度", "纬度", "统计年度", "存栏", "年出栏",
                    "粪污处理设施配套", "粪污产生量(吨/年)", "粪污利用量(吨/年)", "利用方式"],
      [r[:4] + [species_zh[r[4]]] + r[5:] for r in farm_rows])

# ---- black-odorous water bodies: 中天镇 first ----
WATER = [
    ("512022111", "中天镇%s黑臭坑塘", "坑塘", 0, 3600, "生活污水直排、畜禽养殖废水", "截污纳管、清淤疏浚、生态修复", "已验收", "2021-12-31", "2021-11-20"),
    ("512022103", "石湍镇%s黑臭沟渠", "沟渠", 850, 1700, "生活污水、农田退水", "控源截污、清淤、岸坡整治", "已完成治理", "2022-06-30", "2022-06-18"),
    ("512022104", "童家镇%s黑臭坑塘", "坑塘", 0, 2600, "生活污水、垃圾堆放", "截污、清淤、水生植物修复", "已验收", "2023-10-31", "2023-09-15"),
    ("512022106", "大佛镇%s黑臭沟渠", "沟渠", 1200, 1500, "畜禽养殖废水", "养殖场粪污资源化改造、清淤", "已完成治理", "2024-12-31", "2024-10-31"),
    ("512022102", "回澜镇%s黑臭坑塘", "坑塘", 0, 2200, "生活污水直排", "截污纳管、清淤疏浚", "治理中", "2025-12-31", ""),
    ("512022116", "高寺镇%s黑臭沟渠", "沟渠", 600, 900, "生活污水、生活垃圾", "控源截污、垃圾清理", "未启动", "2026-12-31", ""),
]
water_rows = []
for t, name, kind, length, area, causes, measures, status, due, done in WATER:
    village = by_township[t][2]
    x, y = place(t, 0.02)
    short = divisions[village]
    water_rows.append([fcode("W", village), name % short, kind, village, length or "", area, causes, measures,
                       "%s党支部书记" % short, status, due, done, x, y])
write("water-bodies.csv", ["编号", "名称", "类型", "行政村代码", "长度(米)", "面积(平方米)", "污染成因", "治理措施",
                           "责任人", "治理状态", "计划完成日期", "完成日期", "经度", "纬度"], water_rows)

# ---- samples ----
W = [r[0] for r in water_rows]
samples = [
    # subject, date, transparency, depth, DO, ORP, NH3-N, COD, TP, SS, pH
    (W[0], "2020-08-12", 8, 60, 0.9, -120, 9.6, 68, 1.2, 45, 7.1),
    (W[0], "2022-05-20", 42, 80, 5.8, 120, 1.3, 22, 0.2, 12, 7.4),
    (W[1], "2020-09-03", 15, 20, 1.6, -60, 6.4, 55, 0.9, 38, 7.0),
    (W[1], "2022-09-10", 30, 20, 4.6, 90, 1.8, 25, 0.3, 15, 7.3),
    (W[2], "2021-07-15", 12, 70, 1.1, -150, 12.0, 75, 1.5, 52, 6.9),
    (W[2], "2023-11-02", 38, 90, 5.2, 110, 1.1, 20, 0.2, 10, 7.5),
    (W[3], "2022-08-20", 16, 50, 1.8, -90, 8.5, 60, 1.1, 40, 7.0),
    (W[3], "2025-06-18", 22, 50, 2.4, -30, 4.2, 40, 0.6, 28, 7.2),   # still black after remediation
    (W[4], "2023-07-08", 9, 60, 0.8, -210, 16.5, 90, 1.9, 60, 6.8),
    (W[5], "2024-08-26", "", 40, 1.5, "", "", 48, "", "", 7.1),
    (county_plant, "2025-03-18", "", "", "", "", 1.6, 26, 0.31, 7, 7.2),
    (county_plant, "2025-09-16", "", "", "", "", 1.9, 29, 0.35, 8, 7.3),
    (zt_park, "2025-06-12", "", "", "", "", 2.3, 34, 0.42, 9, 7.1),
    (plant_codes["512022116"], "2025-05-21", "", "", "", "", 6.1, 58, 0.8, 16, 7.0),  # 高寺 (一级A) over the limit
    (plant_codes["512022113"], "2025-05-22", "", "", "", "", 5.2, 44, 0.7, 14, 7.2),
    (station_codes[0], "2025-04-10", "", "", "", "", 7.5, 52, 1.1, 18, 7.3),
]
write("samples.csv", ["对象编号", "采样日期", "透明度(cm)", "水深(cm)", "溶解氧(mg/L)", "氧化还原电位(mV)",
                      "氨氮(mg/L)", "化学需氧量(mg/L)", "总磷(mg/L)", "悬浮物(mg/L)", "pH"], samples)

# ---- inspections ----
farm_codes = sorted({r[0] for r in farm_rows})
inspections = [
    (county_plant, "2026-03-12", "刘建国", "正常", "", "", ""),
    (plant_codes["512022116"], "2026-05-28", "刘建国", "发现问题", "出水氨氮、COD超一级A标准，要求运维单位调整曝气", "2026-06-15", "已整改"),
    (plant_codes["512022116"], "2026-06-20", "刘建国", "已整改", "复查出水达标", "", ""),
    (station_codes[stations.index(down_village)], "2026-04-16", "赵丽", "发现问题", "提升泵故障，处理站运行异常", "2026-05-16", "待整改"),
    (stopped_unit, "2025-11-05", "赵丽", "发现问题", "设施停运，化粪池满溢", "2025-12-31", "待整改"),
    (farm_codes[0], "2026-04-09", "周明", "正常", "粪污经有机肥厂处理，台账完整", "", ""),
    (farm_codes[3], "2026-05-14", "周明", "发现问题", "雨污分流不彻底", "2026-06-30", "已整改"),
    (farm_codes[5], "2026-06-03", "周明", "正常", "", "", ""),
    (W[0], "2026-03-22", "王晓燕", "正常", "水体清澈，无异味", "", ""),
    (W[3], "2026-07-09", "王晓燕", "发现问题", "治理后水体仍发黑，上游养殖废水渗漏", "2026-10-31", "待整改"),
    (W[4], "2026-08-15", "王晓燕", "正常", "截污管网施工中", "", ""),
    (done_2020[0], "2026-05-06", "赵丽", "正常", "管网运行正常", "", ""),
    (low_cov[0], "2026-06-11", "赵丽", "发现问题", "覆盖户数不足一半，需扩面", "2026-12-31", "待整改"),
    (next(iter(later)), "2025-09-18", "赵丽", "正常", "新建处理设施已投运", "", ""),
]
write("inspections.csv", ["对象编号", "日期", "检查人", "结论", "问题描述", "整改期限", "整改状态"], inspections)
print("admin", len(admin), "communities", len(communities), "done_2020", len(done_2020),
      "down", down_village, "stations", len(stations), "facilities", len(facilities),
      "farms", len(farm_codes), file=sys.stderr)
