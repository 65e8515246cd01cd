#!/usr/bin/python3
# Lays out tests/kml/farms.kmz as Google Earth saves a place with a picture:
# doc.kml first, then files/ (the icon) — run from tests/kml.
import zipfile, time
with zipfile.ZipFile('farms.kmz', 'w', zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo('doc.kml', date_time=(2024, 5, 1, 8, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, open('google-earth-farms.kml', 'rb').read())
    icon = zipfile.ZipInfo('files/ylw-pushpin.png', date_time=(2024, 5, 1, 8, 0, 0))
    z.writestr(icon, bytes.fromhex('89504e470d0a1a0a'))
# a KMZ without any KML document: refused by name
with zipfile.ZipFile('no-document.kmz', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo('files/ylw-pushpin.png', date_time=(2024, 5, 1, 8, 0, 0)), bytes.fromhex('89504e470d0a1a0a'))
