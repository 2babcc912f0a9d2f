# "3. srpna 2016": E is the month in the genitive, as Czech writes dates.
DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y, G:i"
SHORT_DATE_FORMAT = "j. n. Y"
