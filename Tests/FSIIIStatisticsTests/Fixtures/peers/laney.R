# Peer fixture for ProportionChart (p-chart and Laney's p' chart) and the
# Anhoej run rules on a control chart: qicharts2's qic(chart = "p") and
# qic(chart = "pp"), the package that defines them for health care SPC
# (Anhoej). qicharts2 is not in Debian; it is installed from its source
# (github.com/anhoej/qicharts2, version 0.8.1 used here) into a private
# library. Runs analysis around the centre line, as qic does for control
# charts; sigma.signal is the points outside the 3-sigma limits.
#
# sigma_z: qicharts2, once attached, sets options(qic.screenedmr = TRUE)
# and drops moving ranges above 3.267 times their mean before averaging
# (Nelson 1982). Laney (2002) and ProportionChart average them all, so the
# fixture sets qic.screenedmr = FALSE after library(qicharts2); see
# docs/METHODS.md for why (one step shift would give sigma_z = 0).
#
# Regenerate (from the package root):
#   apt-get install -y r-base-core r-cran-jsonlite r-cran-ggplot2 r-cran-scales
#   R CMD INSTALL -l /tmp/rlib path/to/qicharts2   # its source tree
#   R_LIBS=/tmp/rlib Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/laney.R
# Writes laney.json beside this script.
suppressPackageStartupMessages({ library(jsonlite); library(qicharts2) })
options(qic.screenedmr = FALSE)

chart <- function(name, y, n, type) {
  d <- qic(x = seq_along(y), y = y, n = n, chart = type, return.data = TRUE)
  list(name = name, chart = type, successes = y, trials = n, centre = d$cl[1], lcl = d$lcl, ucl = d$ucl,
       sigma_signal = d$sigma.signal, n_useful = d$n.useful[1], longest_run = d$longest.run[1],
       longest_run_max = d$longest.run.max[1], crossings = d$n.crossings[1], crossings_min = d$n.crossings.min[1],
       runs_signal = d$runs.signal[1])
}

set.seed(2002)
# Large monthly counts with extra between-month variation: the case Laney's chart is for.
big_n <- sample(800:1600, 24, replace = TRUE)
big_y <- rbinom(24, big_n, plogis(rnorm(24, qlogis(0.55), 0.12)))
# A shift in the middle: 8 months low, 8 high.
shift_n <- rep(10, 16)
shift_y <- c(rep(2, 8), rep(8, 8))
# Small, unequal counts.
small_n <- c(10, 10, 20, 14, 9, 25, 18, 12)
small_y <- c(2, 5, 9, 7, 2, 14, 8, 6)
data <- list(big = list(big_y, big_n), shift = list(shift_y, shift_n), small = list(small_y, small_n))
cases <- list()
for (name in names(data)) for (type in c("p", "pp")) {
  cases[[length(cases) + 1]] <- chart(name, data[[name]][[1]], data[[name]][[2]], type)
}

out <- list(generator = "Tests/FSIIIStatisticsTests/Fixtures/peers/laney.R", r_version = R.version.string,
            qicharts2 = as.character(packageVersion("qicharts2")), screened_moving_ranges = FALSE, cases = cases)
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "laney.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
