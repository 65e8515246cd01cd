#!/usr/bin/python3
"""Writes a farm CSV for a scale ledger (issue 19's screenshots and manual checks).

usage: make-scale-farms.py LEDGER.db N OUT.csv

Takes N village-level units of the ledger (spread evenly over its list) and gives each a farm
near its province's capital (a fixed table; only for drawing, not a real location), so that
`sanitation-ledger --db LEDGER.db import farms OUT.csv --year 2026` fills a province- or
nation-scale ledger. Deterministic (seeded), so screenshots can be made again.
"""
import csv, random, sqlite3, sys

CAPITALS = {  # province code: (lon, lat) of its capital, rounded
    "11": (116.4, 39.9), "12": (117.2, 39.1), "13": (114.5, 38.0), "14": (112.5, 37.9),
    "15": (111.7, 40.8), "21": (123.4, 41.8), "22": (125.3, 43.9), "23": (126.6, 45.8),
    "31": (121.5, 31.2), "32": (118.8, 32.1), "33": (120.2, 30.3), "34": (117.3, 31.9),
    "35": (119.3, 26.1), "36": (115.9, 28.7), "37": (117.0, 36.7), "41": (113.6, 34.8),
    "42": (114.3, 30.6), "43": (113.0, 28.2), "44": (113.3, 23.1), "45": (108.3, 22.8),
    "46": (110.3, 20.0), "50": (106.5, 29.6), "51": (104.1, 30.7), "52": (106.7, 26.6),
    "53": (102.7, 25.0), "54": (91.1, 29.7), "61": (108.9, 34.3), "62": (103.8, 36.1),
    "63": (101.8, 36.6), "64": (106.3, 38.5), "65": (87.6, 43.8),
}
SPECIES = ["生猪", "奶牛", "肉牛", "羊", "蛋鸡", "肉鸡"]


def main():
    db, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(19)
    con = sqlite3.connect(db)
    codes = [r[0] for r in con.execute(
        "SELECT code FROM regions WHERE length(code) = 12 AND valid_to IS NULL ORDER BY code")]
    step = max(1, len(codes) // n)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["名称", "行政村代码", "畜种", "经度", "纬度", "统计年度", "存栏",
                    "粪污处理设施配套", "粪污产生量(吨/年)", "粪污利用量(吨/年)"])
        for i in range(n):
            code = codes[(i * step) % len(codes)]
            lon, lat = CAPITALS.get(code[:2], (104.1, 30.7))
            produced = rng.randint(200, 5000)
            w.writerow([f"规模养殖场{i + 1:06d}", code, rng.choice(SPECIES),
                        f"{lon + rng.gauss(0, 1.2):.5f}", f"{lat + rng.gauss(0, 0.9):.5f}",
                        2026, rng.randint(100, 5000), rng.choice(["是", "是", "否"]),
                        produced, int(produced * rng.uniform(0.7, 1.0))])


if __name__ == "__main__":
    main()
