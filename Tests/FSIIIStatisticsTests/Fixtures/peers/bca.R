# Peer fixture for BCaInterval: R's boot::boot.ci(type = "bca") with
# jackknife influence values, fed the very replicates the JSON carries.
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/bca.R
# Needs boot (Debian: r-cran-boot, a recommended package of R) and jsonlite.
# Writes bca.json beside this script.
#
# For each case the JSON holds the estimate t0, the R bootstrap replicates
# t, the n leave-one-out estimates, boot's z0 (its "w"), a, the adjusted
# levels and the BCa limits from boot.ci (norm.inter interpolation), and
# R's quantile(t, adjusted levels, type = 7) for the type-7 variant.
# boot's jackknife influence values are (n - 1)(t0 - t_(-i)), centred on
# the estimate; the Swift test reproduces them with accelerationCentre:
# .estimate (Efron & Tibshirani centre on the jackknife mean instead).
suppressPackageStartupMessages({ library(boot); library(jsonlite) })

one_case <- function(name, x, statistic, R = 999) {
  b <- boot(x, function(d, i) statistic(d[i]), R = R)
  jack <- sapply(seq_along(x), function(i) statistic(x[-i]))
  L <- empinf(b, type = "jack")
  ci <- boot.ci(b, conf = 0.95, type = "bca", L = L)
  t <- as.numeric(b$t)
  t0 <- b$t0
  w <- qnorm(sum(t < t0) / length(t))
  a <- sum(L^3) / (6 * sum(L^2)^1.5)
  z <- qnorm(c(0.025, 0.975))
  adj <- pnorm(w + (w + z) / (1 - a * (w + z)))
  list(name = name, estimate = t0, replicates = t, jackknife = jack,
       z0 = w, acceleration = a, adjusted = adj,
       bca_low = ci$bca[4], bca_high = ci$bca[5],
       type7_low = unname(quantile(t, adj[1], type = 7)), type7_high = unname(quantile(t, adj[2], type = 7)))
}

set.seed(1987)
skewed <- round(rexp(30, 1 / 3), 4)
costs <- round(c(rlnorm(40, 8, 1.2)), 2)
out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/bca.R",
            boot_version = as.character(packageVersion("boot")), r_version = R.version.string,
            cases = list(one_case("mean_of_exponential", skewed, mean),
                         one_case("log_mean_of_lognormal", costs, function(v) log(mean(v)), R = 1999)))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "bca.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
