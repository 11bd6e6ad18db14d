# Peer fixture for TestRetest (and through it MeasurementError and
# RegressionToTheMean): intraclass correlations of repeat pairs by R's
# psych::ICC (Shrout & Fleiss 1979), cross-checked with the two-way ANOVA
# of base R's aov.
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/icc.R
# Needs psych and jsonlite (Debian: r-cran-psych 2.2.9, r-cran-jsonlite).
# Writes icc.json beside this script; the Swift tests read only the JSON.
#
# psych's "ICC2" (single random raters) is ICC(2,1), absolute agreement;
# "ICC3" (single fixed raters) is ICC(3,1), consistency. The mean squares
# come from aov(score ~ subject + occasion). Values are FSIII-like levels
# 0-4 (many ties) and continuous ones, with a shift between occasions.
suppressPackageStartupMessages({ library(psych); library(jsonlite) })

one_case <- function(name, x1, x2) {
  icc <- psych::ICC(cbind(x1, x2), lmer = FALSE)$results
  long <- data.frame(score = c(x1, x2), subject = factor(rep(seq_along(x1), 2)),
                     occasion = factor(rep(1:2, each = length(x1))))
  a <- summary(aov(score ~ subject + occasion, data = long))[[1]]
  ms <- setNames(a[["Mean Sq"]], trimws(rownames(a)))
  list(name = name, first = x1, second = x2,
       icc_2_1 = icc$ICC[icc$type == "ICC2"], icc_3_1 = icc$ICC[icc$type == "ICC3"],
       ms_subjects = unname(ms["subject"]), ms_occasions = unname(ms["occasion"]),
       ms_error = unname(ms["Residuals"]), sd_all = sd(c(x1, x2)), pearson = cor(x1, x2))
}

set.seed(21)
n <- 80
b <- rnorm(n, 2, 0.8)
levels1 <- pmin(4, pmax(0, round(b + rnorm(n, 0, 0.6))))
levels2 <- pmin(4, pmax(0, round(b + 0.3 + rnorm(n, 0, 0.6))))
n <- 50
b <- rnorm(n, 10, 3)
cont1 <- round(b + rnorm(n, 0, 1.5), 4)
cont2 <- round(0.9 * b + 1.5 + rnorm(n, 0, 1.5), 4)

out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/icc.R",
            psych_version = as.character(packageVersion("psych")), r_version = R.version.string,
            cases = list(one_case("levels_0_to_4", levels1, levels2), one_case("continuous", cont1, cont2)))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "icc.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
