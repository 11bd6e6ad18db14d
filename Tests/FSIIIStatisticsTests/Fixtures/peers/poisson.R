# Peer fixture for IncompleteGamma, ChiSquare and PoissonInterval: R's
# pchisq, qchisq and poisson.test.
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/poisson.R
# Needs jsonlite (Debian: r-cran-jsonlite). Writes poisson.json beside this
# script. (R's qchisq is qgamma: AS 91 followed by Newton steps.)
suppressPackageStartupMessages(library(jsonlite))

counts <- c(0, 1, 2, 3, 5, 10, 17, 50, 100, 333, 1000, 10000, 123456)
poisson <- lapply(counts, function(x) {
  ci95 <- poisson.test(x, conf.level = 0.95)$conf.int
  ci998 <- poisson.test(x, conf.level = 0.998)$conf.int
  list(count = x, low95 = ci95[1], high95 = ci95[2], low998 = ci998[1], high998 = ci998[2])
})
grid <- expand.grid(df = c(0.5, 1, 2, 3, 7.5, 10, 30, 100, 1000, 1e5), p = c(1e-10, 0.001, 0.025, 0.5, 0.975, 0.999, 1 - 1e-10))
quantiles <- list(df = grid$df, p = grid$p, q = qchisq(grid$p, grid$df))
x <- c(0.01, 0.5, 1, 3, 10, 50, 200, 1500)
cgrid <- expand.grid(df = c(1, 4, 9.5, 40, 300), x = x)
cdfs <- list(df = cgrid$df, x = cgrid$x, lower = pchisq(cgrid$x, cgrid$df), upper = pchisq(cgrid$x, cgrid$df, lower.tail = FALSE))

out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/poisson.R", r_version = R.version.string,
            poisson = poisson, qchisq = quantiles, pchisq = cdfs)
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "poisson.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
