#!/usr/bin/env bash
# Installs Debian's R (r-base-core) and the `survey` package (r-cran-survey) for the green-jobs
# test that compares our design-based estimates with R's svytotal/svyby (src/econ/greenjobs).
# Idempotent: does nothing when Rscript is on the PATH and library(survey) loads.
# Needs root (CI runs as root); never prompts.
set -euo pipefail
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-r: R or its survey package is missing; run this script as root (apt-get install r-base-core r-cran-survey)" >&2
  exit 1
fi
echo "ensure-r: installing Debian r-base-core and r-cran-survey…"
export DEBIAN_FRONTEND=noninteractive
# Another apt-get (e.g. ensure-redis.sh) may hold the dpkg lock: wait for it rather than fail.
LOCK_WAIT=(-o DPkg::Lock::Timeout=600)
apt-get "${LOCK_WAIT[@]}" update -qq
apt-get "${LOCK_WAIT[@]}" install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  r-base-core r-cran-survey >/dev/null
Rscript -e 'cat("R", R.version$major, ".", R.version$minor, " survey ", as.character(packageVersion("survey")), "\n", sep = "")'
