# Peer fixture for RandomEffectsMeta: R's metafor::rma(yi, vi, method = "DL").
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/dersimonian-laird.R
# Needs metafor and jsonlite (Debian: r-cran-metafor 3.8-1, r-cran-jsonlite).
# Writes dersimonian-laird.json beside this script.
#
# Three sets: heterogeneous (tau2 > 0), homogeneous (Q < k - 1, tau2
# truncated at 0) and two studies. metafor reports I2 in percent; the JSON
# holds it as a share.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })

one_case <- function(name, yi, vi) {
  r <- rma(yi = yi, vi = vi, method = "DL")
  fe <- rma(yi = yi, vi = vi, method = "FE")
  list(name = name, yi = yi, vi = vi, tau2 = r$tau2, estimate = as.numeric(r$beta), se = r$se,
       q = r$QE, i2 = r$I2 / 100, fixed_estimate = as.numeric(fe$beta))
}

set.seed(1986)
k <- 12
vi1 <- round(runif(k, 0.01, 0.2), 5)
yi1 <- round(rnorm(k, 0.3, sqrt(vi1 + 0.05)), 5)
vi2 <- round(runif(8, 0.05, 0.3), 5)
yi2 <- round(0.2 + rnorm(8, 0, 0.1), 5)
out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/dersimonian-laird.R",
            metafor_version = as.character(packageVersion("metafor")), r_version = R.version.string,
            cases = list(one_case("heterogeneous", yi1, vi1), one_case("homogeneous", yi2, vi2),
                         one_case("two_studies", c(0.1, 0.9), c(0.04, 0.09))))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "dersimonian-laird.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
