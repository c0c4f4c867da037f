/* Unit tests of plan_export.c: a checked plan as iCalendar and CSV. */
#include <stdio.h>
#include "unit.h"

#include "core/csv.h"
#include "planning/plan_export.h"

static const char	doc[] =
    "{\"id\":\"p1\",\"title\":\"Jaarplan\",\"school_year\":\"2026-2027\","
    "\"school\":{\"name\":\"Demoschool A\"},"
    "\"items\":["
    " {\"id\":\"i1\",\"kind\":\"les\",\"status\":\"gepland\","
    "  \"week\":\"2026-W42\","
    "  \"date\":null,\"lesson\":{\"code\":\"L-1\",\"title\":\"Les 1\","
    "  \"programme_title\":\"Mensenhandel (niet) op school\"},"
    "  \"level\":\"havo-2\",\"level_title\":\"havo 2\",\"class_name\":\"2B\","
    "  \"teacher\":{\"id\":\"t1\",\"display_name\":\"Juf, Jansen\"},"
    "  \"notes\":\"=1+1\",\"safety_prepared\":true,\"given_on\":null,"
    "  \"starts_on\":\"2026-10-12\",\"ends_on\":\"2026-10-16\",\"version\":3,"
    "  \"warnings\":[{\"code\":\"holiday\",\"message\":\"In de vakantie.\"},"
    "   {\"code\":\"x\",\"message\":\"Tweede.\"}]},"
    " {\"id\":\"i2\",\"kind\":\"terugkommoment\",\"status\":\"vervallen\","
    "  \"week\":null,\"date\":\"2027-03-10\",\"lesson\":null,"
    "  \"level\":\"havo-2\",\"level_title\":\"havo 2\",\"class_name\":null,"
    "  \"teacher\":null,\"notes\":null,\"safety_prepared\":false,"
    "  \"given_on\":null,\"starts_on\":\"2027-03-10\","
    "  \"ends_on\":\"2027-03-10\",\"version\":1,\"warnings\":[]}]}";

static void
test_csv(void **state)
{
	(void)state;
	unit_doc_writes(doc, d, b, plan_export_csv(d, 0, &b),
	    "\xef\xbb\xbfweek,datum,van,tot,niveau,klas,soort,les_code,les,"
	    "leraar,status,gegeven_op,veiligheid_voorbereid,notities,"
	    "waarschuwingen\r\n"
	    "2026-W42,,2026-10-12,2026-10-16,havo 2,2B,les,L-1,Les 1,"
	    "\"Juf, Jansen\",gepland,,ja,'=1+1,In de vakantie.; Tweede.\r\n"
	    ",2027-03-10,2027-03-10,2027-03-10,havo 2,,terugkommoment,,,,"
	    "vervallen,,nee,,\r\n");
}

/* The Dutch Excel dialect: ';' between fields, quoted when a field has one. */
static void
test_csv_excel_nl(void **state)
{
	(void)state;
	unit_doc_writes(doc, d, b, plan_export_csv(d, CSV_SEMICOLON, &b),
	    "\xef\xbb\xbfweek;datum;van;tot;niveau;klas;soort;les_code;les;"
	    "leraar;status;gegeven_op;veiligheid_voorbereid;notities;"
	    "waarschuwingen\r\n"
	    "2026-W42;;2026-10-12;2026-10-16;havo 2;2B;les;L-1;Les 1;"
	    "Juf, Jansen;gepland;;ja;'=1+1;\"In de vakantie.; Tweede.\"\r\n"
	    ";2027-03-10;2027-03-10;2027-03-10;havo 2;;terugkommoment;;;;"
	    "vervallen;;nee;;\r\n");
}

/* Remove the folds (CRLF + space) in place. */
static void
unfold(char *s)
{
	char	*o;

	for (o = s; *s != '\0'; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		*o++ = *s;
	}
	*o = '\0';
}

static void
test_ics(void **state)
{
	struct strbuf	 b;
	json_t		*d;
	const char	*e2;

	(void)state;
	d = unit_json(doc);
	strbuf_init(&b);
	assert_int_equal(plan_export_ics(d, NULL, 1796113800, &b), 0);
	assert_int_equal(strncmp(b.data + b.len - 15, "END:VCALENDAR\r\n", 15),
	    0);
	unfold(b.data);
	unit_contains(b.data,
	    "X-WR-CALNAME:Jaarplan 2026-2027\r\n",
	    "UID:i1@leerlijn\r\nDTSTAMP:20261201T083000Z\r\n"
	    "DTSTART;VALUE=DATE:20261012\r\nDTEND;VALUE=DATE:20261017\r\n"
	    "SUMMARY:Les 1 · Mensenhandel (niet) op school – havo 2 2B\r\n"
	    "SEQUENCE:3\r\n",
	    "LOCATION:Demoschool A\r\n"
	    "STATUS:CONFIRMED\r\nCATEGORIES:Leerlijn,havo 2\r\n",
	    "DESCRIPTION:Jaarplan: Jaarplan "
	    "(2026-2027)\\nNiveau: havo 2\\, klas 2B\\nWanneer: 2026-W42\\nLes: "
	    "Les 1 (L-1)\\nLeraar: Juf\\, Jansen\\nStatus: gepland\\n"
	    "Notities: =1+1\\nLet op:\\n- In de vakantie.\\n- Tweede.\r\n");
	e2 = strstr(b.data, "UID:i2@leerlijn\r\n");
	assert_non_null(e2);
	unit_contains(e2,
	    "DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270311\r\n"
	    "SUMMARY:Terugkommoment – havo 2\r\n",
	    "STATUS:CANCELLED\r\n",
	    "\\nWanneer: 2027-03-10\\nStatus: vervallen\\n\r\n");
	strbuf_free(&b);

	/* One teacher: only their item. */
	strbuf_init(&b);
	assert_int_equal(plan_export_ics(d, "t1", 0, &b), 0);
	assert_non_null(strstr(b.data, "UID:i1@"));
	assert_null(strstr(b.data, "UID:i2@"));
	strbuf_free(&b);
	strbuf_init(&b);
	assert_int_equal(plan_export_ics(d, "nobody", 0, &b), 0);
	assert_null(strstr(b.data, "BEGIN:VEVENT"));
	strbuf_free(&b);
	json_decref(d);
}

UNIT_MAIN("plan_export",
    cmocka_unit_test(test_csv),
    cmocka_unit_test(test_csv_excel_nl),
    cmocka_unit_test(test_ics))
