#!/bin/sh
# make-photos.sh: the inspection photos the tests read, with EXIF written by
# ExifTool (Debian's libimage-exiftool-perl), not by this program.
#   good.jpg     big-endian EXIF: DateTimeOriginal, GPS 30.2756 N 105.0312 E (乐至县)
#   le-south.jpg little-endian EXIF: DateTimeOriginal, GPS 33.8688 S 151.2093 W
#   no-exif.jpg  a picture without EXIF
#   no-fix.jpg   GPS 0/0 (a camera without a fix) and a DateTimeOriginal
#   photo.png    a PNG with an eXIf chunk: time and GPS
# Committed as bytes; run again only to change them: sh make-photos.sh
set -eu
cd "$(dirname "$0")"
convert -size 320x240 gradient:'#3a7'-'#fe9' -strip no-exif.jpg
convert -size 320x240 gradient:'#37a'-'#9ef' -strip good.jpg
exiftool -q -overwrite_original -DateTimeOriginal='2026:11:28 09:41:05' \
  -GPSLatitude=30.2756 -GPSLatitudeRef=N -GPSLongitude=105.0312 -GPSLongitudeRef=E good.jpg
convert -size 320x240 gradient:'#a73'-'#ef9' -strip le-south.jpg
exiftool -q -overwrite_original -ExifByteOrder=Little-endian -DateTimeOriginal='2025:02:03 14:05:59' \
  -GPSLatitude=33.8688 -GPSLatitudeRef=S -GPSLongitude=151.2093 -GPSLongitudeRef=W le-south.jpg
convert -size 160x120 gradient:'#777'-'#eee' -strip no-fix.jpg
exiftool -q -overwrite_original -DateTimeOriginal='2026:01:02 03:04:05' \
  -GPSLatitude=0 -GPSLatitudeRef=N -GPSLongitude=0 -GPSLongitudeRef=E no-fix.jpg
convert -size 160x120 gradient:'#a3a'-'#efe' -strip photo.png
exiftool -q -overwrite_original -DateTimeOriginal='2026:12:01 08:00:00' \
  -GPSLatitude=30.1 -GPSLatitudeRef=N -GPSLongitude=104.9 -GPSLongitudeRef=E photo.png
