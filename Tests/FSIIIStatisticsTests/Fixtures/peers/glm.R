# Peer fixture for LogisticRegression: R's glm(family = binomial).
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/glm.R
# Needs R >= 4.0 and jsonlite (Debian: r-cran-jsonlite). Writes glm.json
# beside this script; the Swift tests read only the JSON.
#
# The data are rounded to 6 decimals before the fit, so the JSON holds
# exactly the numbers glm saw. Each data set carries its design matrix exactly as glm saw it
# (model.matrix, intercept first), the outcome and the prior weights, and
# glm's coefficients (null where glm reports NA: an aliased column), their
# standard errors (inverse information at the final coefficients, dispersion 1) and the log-likelihood
# (-deviance/2, which for a 0/1 outcome is sum w*(y log mu + (1-y) log(1-mu))).
# glm runs with epsilon = 1e-12 instead of its default 1e-8 so that its
# coefficients are the MLE to ~1e-12, not just to its default stopping rule.
suppressPackageStartupMessages(library(jsonlite))

fit_case <- function(name, formula, data, weights = NULL, note = "") {
  data$w__ <- if (is.null(weights)) rep(1, nrow(data)) else weights
  X <- model.matrix(formula, data)
  # (R warns "non-integer #successes" for fractional weights; the fit is the weighted MLE all the same.)
  fit <- suppressWarnings(glm(formula, family = binomial, data = data, weights = w__,
             control = glm.control(epsilon = 1e-12, maxit = 100)))
  stopifnot(fit$converged)
  co <- coef(fit)
  kept <- !is.na(co)
  # Standard errors from the inverse information X'WX at the final
  # coefficients, W = w mu (1 - mu). (summary.glm takes W from the start of
  # the last iteration; that lags by one step and differs in the 7th digit
  # on the near-separated set. It is kept as summary_standard_errors.)
  mu <- fitted(fit)
  Xk <- X[, kept, drop = FALSE]
  info <- crossprod(Xk, Xk * (data$w__ * mu * (1 - mu)))
  se <- rep(NA_real_, length(co)); names(se) <- names(co)
  se[kept] <- sqrt(diag(solve(info)))
  s <- summary(fit)
  se_summary <- rep(NA_real_, length(co)); names(se_summary) <- names(co)
  se_summary[rownames(s$coefficients)] <- s$coefficients[, "Std. Error"]
  stopifnot(all(abs(se[kept] / se_summary[kept] - 1) < 1e-5))
  list(name = name, note = note,
       columns = colnames(X),
       x = unname(lapply(seq_len(nrow(X)), function(i) unname(X[i, ]))),
       y = as.integer(data$y),
       weights = if (is.null(weights)) NULL else weights,
       coefficients = unname(lapply(co, function(v) if (is.na(v)) NULL else v)),
       standard_errors = unname(lapply(se, function(v) if (is.na(v)) NULL else v)),
       summary_standard_errors = unname(lapply(se_summary, function(v) if (is.na(v)) NULL else v)),
       log_likelihood = -fit$deviance / 2,
       r_iterations = fit$iter)
}

set.seed(20240518)

# 1. A categorical covariate (4 levels, reference "a"), two continuous ones,
#    a constant column and a column that is an exact combination of others:
#    glm reports NA for both.
n <- 300
d1 <- data.frame(x1 = round(rnorm(n), 6), x2 = round(runif(n, 0, 4), 6),
                 group = factor(sample(c("a", "b", "c", "d"), n, replace = TRUE, prob = c(.4, .3, .2, .1))))
d1$constant <- 5
d1$combo <- d1$x1 - 2 * d1$x2
eta <- -0.5 + 0.8 * d1$x1 - 0.3 * d1$x2 + c(a = 0, b = 0.6, c = -0.4, d = 1.1)[as.character(d1$group)]
d1$y <- rbinom(n, 1, plogis(eta))
case1 <- fit_case("categorical", y ~ x1 + x2 + group + constant + combo, d1,
                  note = "constant and combo are aliased (NA in R)")

# 2. Near separation that still has an MLE: y = 1 exactly when x > 0, but
#    for three observations on the wrong side close to the border.
n <- 60
x <- sort(round(rnorm(n), 6))
y <- as.integer(x > 0)
wrong <- c(which.min(abs(x - 0.15)), which.min(abs(x + 0.1)), which.min(abs(x - 0.4)))
y[wrong] <- 1 - y[wrong]
d2 <- data.frame(x = x, z = round(rnorm(n), 6), y = y)
case2 <- fit_case("near_separation", y ~ x + z, d2,
                  note = "large coefficients, fitted probabilities close to 0 and 1")

# 3. Non-integer prior weights (as matching or sampling weights are).
n <- 200
d3 <- data.frame(a = round(rnorm(n, 10, 3), 6), b = rbinom(n, 1, 0.3), c = round(rexp(n), 6))
d3$y <- rbinom(n, 1, plogis(-3 + 0.25 * d3$a + 0.9 * d3$b - 0.5 * d3$c))
w3 <- round(runif(n, 0.2, 3), 3)
case3 <- fit_case("weighted", y ~ a + b + c, d3, weights = w3,
                  note = "prior weights uniform on [0.2, 3]")

out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/glm.R",
            r_version = R.version.string,
            cases = list(case1, case2, case3))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "glm.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE), path)
cat("wrote", path, "\n")
