# Peer fixture for LinearRegression: R's lm (coefficients, standard errors,
# t values, R², adjusted R², residual standard error), and for
# Discrimination.cStatistic: the Mann–Whitney statistic W / (n1 n0) of
# wilcox.test (the C-statistic, ties counted half).
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/lm.R
# Needs R >= 4.0 and jsonlite (Debian: r-base-core r-cran-jsonlite). Writes
# lm.json beside this script; the Swift tests read only the JSON.
#
# The data are rounded to 6 decimals before the fit, so the JSON holds
# exactly the numbers lm saw. Each case carries its design matrix as lm saw
# it (model.matrix, intercept first) and lm's estimates (null where lm
# reports NA: an aliased column).
suppressPackageStartupMessages(library(jsonlite))

fit_case <- function(name, formula, data, note = "") {
  X <- model.matrix(formula, data)
  fit <- lm(formula, data = data)
  s <- summary(fit)
  co <- coef(fit)
  se <- rep(NA_real_, length(co)); names(se) <- names(co)
  tv <- se
  se[rownames(s$coefficients)] <- s$coefficients[, "Std. Error"]
  tv[rownames(s$coefficients)] <- s$coefficients[, "t value"]
  na <- function(v) unname(lapply(v, function(x) if (is.na(x)) NULL else x))
  list(name = name, note = note,
       columns = colnames(X),
       x = unname(lapply(seq_len(nrow(X)), function(i) unname(X[i, ]))),
       y = data$y,
       coefficients = na(co), standard_errors = na(se), t_values = na(tv),
       r_squared = s$r.squared, adjusted_r_squared = s$adj.r.squared,
       sigma = s$sigma, df_residual = fit$df.residual)
}

set.seed(20261206)

# 1. Two continuous covariates and a 3-level factor (reference "a").
n <- 40
d1 <- data.frame(x1 = round(rnorm(n), 6), x2 = round(runif(n, 0, 4), 6),
                 g = factor(sample(c("a", "b", "c"), n, replace = TRUE)))
d1$y <- round(0.5 + 1.2 * d1$x1 - 0.4 * d1$x2 + c(a = 0, b = 0.7, c = -0.3)[as.character(d1$g)] + rnorm(n, 0, 0.8), 6)
case1 <- fit_case("factor", y ~ x1 + x2 + g, d1)

# 2. A missing-indicator covariate (value 0 where missing) and an aliased
#    column (lm reports NA for it).
n <- 25
m <- rbinom(n, 1, 0.3)
d2 <- data.frame(v = ifelse(m == 1, 0, round(rnorm(n, 2, 1), 6)), vmissing = m, z = round(rnorm(n), 6))
d2$alias <- 2 * d2$z - d2$vmissing
d2$y <- round(1 - 0.6 * d2$v + 0.9 * d2$vmissing + 0.3 * d2$z + rnorm(n, 0, 0.5), 6)
case2 <- fit_case("missing_indicator", y ~ v + vmissing + z + alias, d2,
                  note = "alias = 2 z - vmissing is NA in R")

# The C-statistic with ties: W / (n1 n0) from wilcox.test (exact = FALSE
# only to silence the warning about ties; W does not depend on it).
scores <- c(0.1, 0.4, 0.35, 0.8, 0.4, 0.2, 0.9, 0.4, 0.65, 0.1, 0.55, 0.3)
events <- c(0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0)
w <- wilcox.test(scores[events == 1], scores[events == 0], exact = FALSE)$statistic
auc <- list(scores = scores, events = events,
            c_statistic = unname(w) / (sum(events) * sum(1 - events)))

out <- list(generator = "Tests/FSIIIStatisticsTests/Fixtures/peers/lm.R",
            r_version = R.version.string,
            cases = list(case1, case2), auc = auc)
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "lm.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE), path)
cat("wrote", path, "\n")
