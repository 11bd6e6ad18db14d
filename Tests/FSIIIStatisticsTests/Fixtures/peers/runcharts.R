# Peer fixture for Binomial.quantile and RunChartRules: R's qbinom, and the
# Anhoej run-chart rules computed the way qicharts2's runs analysis does
# (qicharts2 is not packaged for Debian, so its few lines are restated
# below in base R: sign(y - cl) without the zeros, rle for runs and
# crossings, round(log2(n) + 3), qbinom(0.05, n - 1, 0.5)).
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/runcharts.R
# Needs jsonlite (Debian: r-cran-jsonlite). Writes runcharts.json beside
# this script.
suppressPackageStartupMessages(library(jsonlite))

runs_analysis <- function(y, cl = median(y)) {
  runs <- sign(y - cl)
  runs <- runs[runs != 0]
  n <- length(runs)
  rl <- rle(runs)$lengths
  list(y = y, centre = cl, n_useful = n, longest_run = max(rl), longest_run_max = round(log2(n) + 3),
       crossings = length(rl) - 1, crossings_min = qbinom(0.05, n - 1, 0.5),
       signal = max(rl) > round(log2(n) + 3) || (length(rl) - 1) < qbinom(0.05, n - 1, 0.5))
}

set.seed(2014)
series <- list(
  random = round(rnorm(24), 3),
  shift = round(c(rnorm(12, -1, 0.3), rnorm(12, 1, 0.3)), 3),                 # a run of 12 > 8
  on_median = c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 5), # median 5 occurs 4 times
  few_crossings = round(rep(c(-1, 1, -1, 1, -1, 1), each = 5) + rnorm(30, 0, 0.2), 3), # 5 crossings < 10
  levels = c(2, 2, 3, 2, 2, 1, 2, 3, 3, 2, 2, 2, 1, 1, 2, 2, 3, 2, 2, 2, 2, 1, 2, 2, 3, 3, 2, 2, 2, 1)
)
cases <- lapply(names(series), function(name) c(list(name = name), runs_analysis(series[[name]])))
cases[[length(cases) + 1]] <- c(list(name = "given_centre"), runs_analysis(series$random, cl = 0.5))

sizes <- 1:400
qtable <- list(
  list(q = 0.05, p = 0.5, n = sizes, x = qbinom(0.05, sizes, 0.5)),
  list(q = 0.05, p = 0.3, n = sizes, x = qbinom(0.05, sizes, 0.3)),
  list(q = 0.975, p = 0.9, n = sizes, x = qbinom(0.975, sizes, 0.9))
)
# (Not q = 0.5 with p = 0.5: for odd n the CDF equals 0.5 exactly at
# (n - 1)/2, and Binomial.cdf is not accurate enough to land on the same
# side as R there; see Binomial.swift.)
cdf <- list(n = c(10, 29, 100, 400), x = c(3, 9, 41, 180), p = c(0.5, 0.5, 0.5, 0.5))
cdf$value <- pbinom(cdf$x, cdf$n, cdf$p)

out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/runcharts.R", r_version = R.version.string,
            series = cases, qbinom = qtable, pbinom = cdf)
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "runcharts.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
