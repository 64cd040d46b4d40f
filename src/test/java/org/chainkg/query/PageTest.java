package org.chainkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** A page is OFFSET/LIMIT on a copy of the query, within the query's own OFFSET/LIMIT. */
class PageTest {
    static final String Q = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s";

    @Test
    void allLeavesTheQueryAlone() {
        Query q = QueryFactory.create(Q);
        assertSame(q, Page.ALL.applyTo(q));
        assertTrue(Page.parse(null, "").isAll());
    }

    @Test
    void pageSetsOffsetAndLimitOnACopy() {
        Query q = QueryFactory.create(Q);
        Query p = new Page(40, 20).applyTo(q);
        assertEquals(40, p.getOffset());
        assertEquals(20, p.getLimit());
        assertFalse(q.hasLimit(), "the named query itself is not changed");
        assertFalse(q.hasOffset());
        Query rest = new Page(5, -1).applyTo(q);
        assertEquals(5, rest.getOffset());
        assertFalse(rest.hasLimit());
    }

    @Test
    void pageStaysWithinTheQuerysOwnLimit() {
        Query q = QueryFactory.create(Q + " LIMIT 50 OFFSET 10");
        Query p = new Page(40, 20).applyTo(q);
        assertEquals(50, p.getOffset(), "rows 40.. of the query's rows 10..59");
        assertEquals(10, p.getLimit(), "only 10 of the query's 50 rows are left");
        Query beyond = new Page(60, 20).applyTo(q);
        assertEquals(0, beyond.getLimit());
        assertEquals(40, new Page(10, -1).applyTo(q).getLimit());
    }

    @Test
    void nextAndOneMore() {
        Page p = new Page(40, 20);
        assertEquals(new Page(60, 20), p.next());
        assertEquals(new Page(40, 21), p.oneMore());
        assertSame(Page.ALL, Page.ALL.oneMore());
    }

    @Test
    void badValuesNameTheParameter() {
        QueryParameterException e = assertThrows(QueryParameterException.class, () -> Page.parse("ten", null));
        assertTrue(e.getMessage().contains("offset") && e.getMessage().contains("'ten'"), e.getMessage());
        e = assertThrows(QueryParameterException.class, () -> Page.parse("0", "-3"));
        assertTrue(e.getMessage().startsWith("rows"), e.getMessage());
    }

    @Test
    void noNamedQueryDeclaresARequestParameter() {
        for (NamedQuery q : NamedQueries.all().values())
            for (String reserved : NamedQuery.RESERVED) assertFalse(q.parameters().containsKey(reserved), q.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new NamedQuery("bad", "# @param rows integer 5  Rows\nSELECT * WHERE { ?s ?p ?_rows }"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }
}
