# Peer fixture for PropensityMatching: R's MatchIt, nearest-neighbour
# matching on a given logit, 1:3 with replacement, caliper 0.2 standard
# deviations of the logit, without and with exact strata.
#
# Regenerate (from the package root):
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/matching.R
# Needs MatchIt and jsonlite (Debian: r-cran-matchit, 4.5.1 made the
# checked-in JSON; r-cran-jsonlite). Writes matching.json beside this
# script; the Swift tests read only the JSON.
#
# How MatchIt is called, and why: the documented call for a given logit,
# matchit(distance = <logit vector>, caliper = 0.2, std.caliper = TRUE,
# ratio = 3, replace = TRUE), is broken in MatchIt 4.5.1 (Debian bookworm's):
# with replace = TRUE it matches one control k times to the same treated
# unit (kosukeimai/MatchIt issue 159, fixed upstream later), and for a
# numeric distance vector it does not even pick the nearest control. The
# equivalent call used here is Mahalanobis matching on the logit alone
# (for one variable the distance is |difference| / sd, the same ranking as
# |difference of logits|) with the caliper on that variable:
# caliper = c(logit = 0.2), std.caliper = TRUE, i.e. 0.2 * sd(logit) over
# all units, treated and controls, which is PropensityMatching's default.
#
# The logits are continuous (rounded to 6 decimals, exactly as written), so
# no two distances tie and tie-breaking cannot differ. For each treated unit
# the JSON lists its controls (0-based indices among the controls, in
# match.matrix column order, which is not always nearest first) and each
# control's MatchIt weight (MatchIt scales the weights to add up to the
# number of matched controls; the Swift test rescales before comparing).
suppressPackageStartupMessages({ library(MatchIt); library(jsonlite) })

set.seed(18)
nt <- 40; nc <- 160
treat <- c(rep(1, nt), rep(0, nc))
logit <- round(c(rnorm(nt, 0.6, 1), rnorm(nc, -0.4, 1.1)), 6)
stratum <- c(sample(0:3, nt, replace = TRUE), sample(0:2, nc, replace = TRUE))  # stratum 3: treated only
treated_rows <- which(treat == 1)
control_rows <- which(treat == 0)

one_case <- function(name, exact) {
  d <- data.frame(treat = treat, logit = logit, stratum = stratum)
  args <- list(treat ~ logit, data = d, method = "nearest", distance = "mahalanobis",
               caliper = c(logit = 0.2), std.caliper = TRUE, ratio = 3, replace = TRUE)
  if (exact) args$exact <- ~stratum
  m <- do.call(matchit, args)
  mm <- m$match.matrix[as.character(treated_rows), , drop = FALSE]
  matches <- lapply(seq_len(nrow(mm)), function(i) {
    r <- mm[i, ]
    I(as.integer(match(as.integer(r[!is.na(r)]), control_rows) - 1))
  })
  stopifnot(all(sapply(matches, function(v) !any(duplicated(v)))))
  list(name = name, exact = exact, caliper = unname(m$caliper),
       matches = matches, control_weights = unname(m$weights[control_rows]))
}

out <- list(generator = "Tests/FSIIIEffectTests/Fixtures/peers/matching.R",
            matchit_version = as.character(packageVersion("MatchIt")),
            r_version = R.version.string,
            treated_logits = logit[treated_rows], control_logits = logit[control_rows],
            treated_strata = stratum[treated_rows], control_strata = stratum[control_rows],
            cases = list(one_case("no_strata", FALSE), one_case("exact_strata", TRUE)))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "matching.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), path)
cat("wrote", path, "\n")
