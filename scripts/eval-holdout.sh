#!/usr/bin/env bash
# Reproduces the figures of EVALUATION.md. For each seed: hide 30% of the bundled CORDIS projects
# (chainkg eval split), load the ETO chain, the curated CPC mapping and the remaining CORDIS rows into a fresh
# store, and evaluate lab -> firm matching on the hidden projects' lab-firm pairs at k = 10. Then prints the mean
# over the seeds of every method and stratum (columns as eval matching's, labs summed over the seeds).
#
#   mvn -q -B -DskipTests package && scripts/eval-holdout.sh            # seeds 1..10, output in eval-out/
#   OUT=/tmp/ev scripts/eval-holdout.sh 7                               # one seed
set -euo pipefail
JAR=${JAR:-target/chainkg.jar}
OUT=${OUT:-eval-out}
K=${K:-10}
SEEDS=${*:-1 2 3 4 5 6 7 8 9 10}
mkdir -p "$OUT"
for s in $SEEDS; do
  rm -rf "$OUT/split-$s" "$OUT/db-$s"
  java -jar "$JAR" eval split --seed "$s" --holdout 0.3 data/cordis-h2020 "$OUT/split-$s"
  java -jar "$JAR" load --db "$OUT/db-$s" --quiet --no-derive data/eto-chip-explorer
  java -jar "$JAR" load --db "$OUT/db-$s" --quiet --no-derive --format chain-mapping data/mappings
  java -jar "$JAR" load --db "$OUT/db-$s" --quiet "$OUT/split-$s/train"
  java -jar "$JAR" eval matching --db "$OUT/db-$s" --truth "$OUT/split-$s/truth.csv" --k "$K" --format csv \
    > "$OUT/seed-$s.csv" 2> "$OUT/seed-$s.log"
  cat "$OUT/seed-$s.log" >&2
done
echo "mean over seeds: $SEEDS"
echo "method,stratum,k,recall,mrr,ndcg,labs"
for s in $SEEDS; do tail -n +2 "$OUT/seed-$s.csv"; done | awk -F, '
  { key = $1 "," $2 "," $3; if (!(key in n)) order[++m] = key; n[key]++; r[key] += $4; q[key] += $5; g[key] += $6; l[key] += $7 }
  END { for (i = 1; i <= m; i++) { k = order[i]; printf "%s,%.4f,%.4f,%.4f,%d\n", k, r[k] / n[k], q[k] / n[k], g[k] / n[k], l[k] } }'
