# Peer fixture for WeightedKappa: R's psych::cohen.kappa with explicit
# disagreement weights (unweighted, linear |i-j|, quadratic (i-j)^2).
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/kappa.R
# Needs psych and jsonlite (Debian: r-cran-psych 2.2.9, r-cran-jsonlite;
# irr is not packaged for Debian). Writes kappa.json beside this script.
#
# psych::cohen.kappa's w is a matrix of disagreement weights (its default
# is (i-j)^2); a scale factor does not change kappa. Both ratings are given
# as factors over all levels 0-4 so the table is 5 x 5 even when a category
# is unused. (psych warns when its confidence limits pass +/-1; only
# weighted.kappa is used.)
suppressPackageStartupMessages({ library(psych); library(jsonlite) })

weight_matrix <- function(k, type) {
  i <- matrix(0:(k - 1), k, k); j <- t(i)
  switch(type, unweighted = (i != j) * 1, linear = abs(i - j), quadratic = (i - j)^2)
}

one_case <- function(name, a, b, k = 5) {
  x <- cbind(factor(a, levels = 0:(k - 1)), factor(b, levels = 0:(k - 1)))
  res <- lapply(c("unweighted", "linear", "quadratic"), function(type) {
    ck <- suppressWarnings(psych::cohen.kappa(x, w = weight_matrix(k, type), n.obs = length(a), levels = 1:k))
    ck$weighted.kappa
  })
  list(name = name, first = a, second = b, categories = k,
       unweighted = res[[1]], linear = res[[2]], quadratic = res[[3]])
}

set.seed(20)
n <- 120
truth <- sample(0:4, n, replace = TRUE, prob = c(.3, .3, .2, .15, .05))
a <- pmin(4, pmax(0, truth + sample(-1:1, n, replace = TRUE, prob = c(.15, .7, .15))))
b <- pmin(4, pmax(0, truth + sample(-1:1, n, replace = TRUE, prob = c(.1, .6, .3))))
c2 <- sample(0:3, 40, replace = TRUE)            # category 4 unused by both
d2 <- pmin(3, c2 + sample(0:1, 40, replace = TRUE))

out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/kappa.R",
            psych_version = as.character(packageVersion("psych")), r_version = R.version.string,
            cases = list(one_case("levels_0_to_4", a, b), one_case("unused_category", c2, d2)))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "kappa.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
