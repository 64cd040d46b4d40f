#!/usr/bin/env bash
# Reproduces the item-matching figures of EVALUATION.md: for each hold-out year, hide the store's outputs of that
# year (chainkg eval item-matching) and rank every organisation for each chain item their holders patented on.
# Prints each year's rows, then the mean over all evaluated items (each year's figures weighted by its items).
#
#   mvn -q -B -DskipTests package && scripts/eval-items.sh               # store: ./chainkg-db (the bundled data, as serve loads it)
#   DB=/tmp/db KIND=research scripts/eval-items.sh 2008 2023             # other store, research organisations only
set -euo pipefail
JAR=${JAR:-target/chainkg.jar}
DB=${DB:-chainkg-db}
K=${K:-10}
KIND=${KIND:-all}
COUNTRY=${COUNTRY:-USA}
YEARS=${*:-2005 2006 2007 2008 2010 2011 2012 2014 2016 2017 2023}
if [ ! -d "$DB" ]; then
  echo "no store at $DB: run 'java -jar $JAR serve' once (it loads the bundled data into ./chainkg-db), or set DB" >&2
  exit 2
fi
echo "year,method,stratum,k,recall,mrr,ndcg,items"
for y in $YEARS; do
  java -jar "$JAR" eval item-matching --db "$DB" --year "$y" --k "$K" --kind "$KIND" --country "$COUNTRY" --format csv \
    | tail -n +2 | sed "s/^/$y,/"
done | tee /dev/stderr | awk -F, '
  { key = $2 "," $3 "," $4; if (!(key in n)) order[++m] = key; n[key] += $8; r[key] += $5 * $8; q[key] += $6 * $8; g[key] += $7 * $8 }
  END { print "mean over the years, weighted by items:" > "/dev/stderr";
        for (i = 1; i <= m; i++) { k = order[i]; if (n[k] > 0) printf "all-years,%s,%.4f,%.4f,%.4f,%d\n", k, r[k] / n[k], q[k] / n[k], g[k] / n[k], n[k] } }'
