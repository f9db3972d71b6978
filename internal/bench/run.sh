#!/usr/bin/env bash
# make bench: the whole-process targets of issue 5 (median of hyperfine's
# runs), then the Go benchmarks and the hostile files, then the ratios.
# Exits 1 if a target is missed.
#
#   1. szsoft batch DIR -o jsonl over 20,000 files     <= 1.5 x  find | xargs cat
#   2. peak RSS, 20,000 files vs 2,000, every form      <= 1.5 x
#   3. szsoft calc first-version --sales 5e7            <= 1.5 x  internal/bench/baseline
#   4. each hostile shape of project file at 1 MiB      < 1 s and < 64 MiB peak RSS,
#      piped and on an 80-column terminal (script(1) gives it one), calc and batch
#   5. szsoft batch roster.xlsx (and .csv), 10,000 rows <= 2 x  the same projects as files
#      peak RSS, roster of 10,000 rows vs 1,000          <= 1.5 x
#
# BENCH_DIR (default /tmp/szsoft-bench) holds the generated files and binaries.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${BENCH_DIR:-/tmp/szsoft-bench}
mkdir -p "$dir/bin"

if ! command -v hyperfine >/dev/null; then
	echo "== installing hyperfine (Debian package)"
	sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get install -y hyperfine >/dev/null
fi

echo "== building"
go build -o "$dir/bin/szsoft" ./cmd/szsoft
go build -o "$dir/bin/baseline" ./internal/bench/baseline
go build -o "$dir/bin/peakrss" ./internal/bench/peakrss
for n in 2000 20000; do
	[ -d "$dir/$n" ] || go run ./internal/bench/gendata -n "$n" -dir "$dir/$n"
done
for n in 1000 10000; do
	[ -f "$dir/roster$n/roster.xlsx" ] || go run ./internal/bench/gendata -roster -n "$n" -dir "$dir/roster$n"
done
szsoft=$dir/bin/szsoft

median() { # median seconds of command $2 in hyperfine CSV $1: a stray slow
	# run moves the mean of a 5 ms command more than anything szsoft does
	awk -F, -v n="$2" 'NR > 1 && NR == n + 1 { print $4 }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
check() { # name ratio limit
	if awk -v r="$2" -v l="$3" 'BEGIN { exit !(r <= l) }'; then
		printf '%-44s %6s  (target <= %s)  ok\n' "$1" "$2" "$3"
	else
		printf '%-44s %6s  (target <= %s)  MISSED\n' "$1" "$2" "$3"
		failed=1
	fi
}
failed=0

# The ratios first, on a machine not yet warmed by the Go benchmarks and
# the hostile files: measured after them, start-up read up to half as much
# again.
echo "== start-up: calc first-version --sales 5e7 vs a bare cobra+decimal+tablewriter binary"
hyperfine -N --warmup 20 --runs 300 --export-csv "$dir/startup.csv" \
	"$dir/bin/baseline calc first-version --sales 5e7" \
	"$szsoft calc first-version --sales 5e7" >/dev/null
base_s=$(median "$dir/startup.csv" 1)
calc_s=$(median "$dir/startup.csv" 2)
printf 'baseline %.2f ms, szsoft %.2f ms\n' "$(awk -v s="$base_s" 'BEGIN{print s*1000}')" "$(awk -v s="$calc_s" 'BEGIN{print s*1000}')"

echo "== batch 20,000 files vs cat"
hyperfine --warmup 2 --runs 10 --export-csv "$dir/batch.csv" \
	"find $dir/20000 -name '*.toml' -print0 | xargs -0 cat > /dev/null" \
	"$szsoft batch $dir/20000 -o jsonl > /dev/null" >/dev/null
cat_s=$(median "$dir/batch.csv" 1)
batch_s=$(median "$dir/batch.csv" 2)
printf 'cat %.3f s, batch -o jsonl %.3f s\n' "$cat_s" "$batch_s"

echo "== a roster of 10,000 rows vs the same projects as 10,000 files"
hyperfine --warmup 2 --runs 10 --export-csv "$dir/roster.csv" \
	"$szsoft batch $dir/roster10000/files -o jsonl > /dev/null 2>&1" \
	"$szsoft batch $dir/roster10000/roster.xlsx -o jsonl > /dev/null 2>&1" \
	"$szsoft batch $dir/roster10000/roster.csv -o jsonl > /dev/null 2>&1" >/dev/null
files_s=$(median "$dir/roster.csv" 1)
xlsx_s=$(median "$dir/roster.csv" 2)
csv_s=$(median "$dir/roster.csv" 3)
printf 'files %.3f s, roster.xlsx %.3f s, roster.csv %.3f s\n' "$files_s" "$xlsx_s" "$csv_s"

echo "== peak RSS"
declare -A rss
forms="jsonl json csv table markdown html xlsx"
for form in $forms; do
	for n in 2000 20000; do
		rss[$form$n]=$("$dir/bin/peakrss" -runs 3 -- "$szsoft" batch "$dir/$n" -o "$form" --out "$dir/out.$form" 2>/dev/null)
		printf '%-8s %6d files: %6d KiB\n' "$form" "$n" "${rss[$form$n]}"
	done
done

for n in 1000 10000; do
	rss[roster$n]=$("$dir/bin/peakrss" -runs 3 -- "$szsoft" batch "$dir/roster$n/roster.xlsx" -o jsonl 2>/dev/null)
	printf 'roster.xlsx %6d rows: %6d KiB\n' "$n" "${rss[roster$n]}"
done

echo "== go test -bench"
go test -run '^$' -bench . -benchmem ./calc ./internal/project ./internal/render ./internal/roster ./cmd/szsoft | grep -E '^(Benchmark|ok|PASS)'

echo "== hostile project files, 1 MiB each: time and peak RSS of calc --file"
rm -rf "$dir/hostile"
go run ./internal/bench/gendata -hostile "$dir/hostile"
hostile_failed=0
for f in "$dir"/hostile/*.toml; do
	for how in piped terminal; do
		for cmd in "calc --file" batch; do
			if [ "$how" = piped ]; then
				read -r kib secs < <("$dir/bin/peakrss" -runs 3 -any-status -seconds -- "$szsoft" $cmd "$f")
			else
				# script(1) runs szsoft on a terminal of its own, 80 columns wide.
				read -r kib secs < <("$dir/bin/peakrss" -runs 3 -any-status -seconds -- \
					script -qec "COLUMNS=80 $szsoft $cmd $f" "$dir/typescript")
			fi
			verdict=ok
			if ! awk -v s="$secs" -v k="$kib" 'BEGIN { exit !(s < 1 && k < 65536) }'; then
				verdict=MISSED; hostile_failed=1
			fi
			printf '%-32s %-8s %-11s %6.3f s %7d KiB  %s\n' "$(basename "$f")" "$how" "$cmd" "$secs" "$kib" "$verdict"
		done
	done
done
[ "$hostile_failed" = 0 ] || failed=1

echo "== ratios"
check "batch jsonl / cat (20,000 files)" "$(ratio "$batch_s" "$cat_s")" 1.5
for form in $forms; do
	check "peak RSS $form 20,000 / 2,000" "$(ratio "${rss[${form}20000]}" "${rss[${form}2000]}")" 1.5
done
check "calc start-up / baseline" "$(ratio "$calc_s" "$base_s")" 1.5
check "batch roster.xlsx / files (10,000)" "$(ratio "$xlsx_s" "$files_s")" 2
check "batch roster.csv / files (10,000)" "$(ratio "$csv_s" "$files_s")" 2
check "peak RSS roster 10,000 / 1,000 rows" "$(ratio "${rss[roster10000]}" "${rss[roster1000]}")" 1.5
exit $failed
