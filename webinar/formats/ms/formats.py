"""Bahasa Malaysia date formats: 24-hour times.

Django's own ``ms`` formats use ``P`` (``3:39 p.m.``) and its ``ms`` catalogue renders "p.m." as "malam"
(night) for every afternoon hour, so 15:39 read as "3:39 malam". A 24-hour clock has no day period to get
wrong; the browser (``static/dewan/localtime.js``) adds the right word (pagi, tengah hari, petang, malam).
"""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
