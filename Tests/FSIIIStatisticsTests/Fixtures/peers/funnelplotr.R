# Peer fixture for the funnel choices of issue 21 (`--funnel phi|random|none`,
# `--funnel-transform log|sqrt`, `--limits exact`): FunnelPlotR 0.6.0's
# funnel_plot(data_type = "SR") on two data sets of observed (numerator) and
# expected (denominator) improvements per team, one overdispersed, one not.
#
# Regenerate (from the package root):
#   apt-get install -y r-base-core r-cran-jsonlite r-cran-dplyr r-cran-ggplot2 \
#     r-cran-scales r-cran-rlang r-cran-ggrepel
#   git clone https://github.com/nhs-r-community/FunnelPlotR /tmp/FunnelPlotR  # 0.6.0, commit 9020d49
#   sed -i 's/ggplot2 (>= 3.5.2)/ggplot2/' /tmp/FunnelPlotR/DESCRIPTION
#   sed -i 's/ggplot2::is_ggplot(/ggplot2::is.ggplot(/' /tmp/FunnelPlotR/R/classes_methods.R
#   R CMD INSTALL /tmp/FunnelPlotR
#   Rscript Tests/FSIIIStatisticsTests/Fixtures/peers/funnelplotr.R
# FunnelPlotR 0.6.0 asks for ggplot2 >= 3.5.2, Debian bookworm has 3.4.1; only
# its plotting (draw_plot) uses ggplot2, so the version is relaxed in a copy of
# its DESCRIPTION as above, and its result check calls ggplot2 3.5.2's
# is_ggplot, which is is.ggplot in 3.4 (patched as above; the check only asks
# whether the plot is a ggplot). No computing code is changed. The limits, φ and τ² below are FunnelPlotR's own
# (funnel_plot's aggregated_data, phi and tau2; its internal
# transformed_zscore, winsorisation, phi_func, tau_func, calculate_limits).
# Writes funnelplotr.json beside this script.
#
# What each block is:
# - shmi: funnel_plot(sr_method = "SHMI", draw_adjusted = TRUE,
#   SHMI_rounding = FALSE): log transform, z truncated (NHS Digital's SHMI
#   rule: the lowest and highest 10 % of z left out), τ² by DerSimonian–Laird,
#   limits exp(±z·√(1/E + τ²)).
# - shmi_winsorised: the same log transform with FunnelPlotR's own
#   winsorisation (as its CQC and PR modes do, and as Spiegelhalter 2005):
#   what `--funnel random --funnel-transform log` computes.
# - cqc: funnel_plot(sr_method = "CQC", draw_adjusted = TRUE): √ transform,
#   z winsorised, limits 1 ± z·√(1/(4E) + τ²) on the √ scale, drawn against
#   O/E as they are (not squared back): the known CQC-mode issue.
# - none: funnel_plot(draw_adjusted = FALSE, draw_unadjusted = TRUE): exact
#   Poisson limits χ²_{2E}(α/2)/(2E), χ²_{2(E+1)}(1 − α/2)/(2E).
# - multiplicative: FunnelPlotR has no multiplicative (φ) method for SR, so
#   SPEC §7's default is restated here in base R: z = (O − E)/√v (v = Σp(1−p)),
#   winsorised at the 10th/90th percentiles (type 7), φ = mean(z²), limits
#   1 ± z·√(max(φ, 1)·v)/E.
suppressPackageStartupMessages({
  library(jsonlite)
  library(FunnelPlotR)
})

datasets <- list(
  overdispersed = data.frame(
    group = sprintf("T%02d", 1:12),
    observed = c(2, 15, 6, 25, 14, 40, 22, 60, 38, 85, 55, 120),
    expected = c(5.3, 8.7, 12.1, 15.6, 20.2, 25.8, 31.4, 40.9, 52.3, 60.7, 75.2, 90.5),
    variance = c(2.9, 4.6, 6.8, 8.4, 11.3, 14.0, 17.5, 22.1, 29.0, 33.2, 41.6, 49.9)
  ),
  not_overdispersed = data.frame(
    group = sprintf("T%02d", 1:10),
    observed = c(6, 11, 13, 19, 22, 31, 39, 43, 60, 70),
    expected = c(6.2, 9.8, 14.5, 18.3, 23.9, 30.1, 37.6, 44.4, 58.0, 71.3),
    variance = c(3.3, 5.2, 8.0, 9.9, 13.1, 16.4, 20.5, 24.0, 31.8, 39.0)
  )
)

quiet <- function(expr) suppressMessages(suppressWarnings(expr))

limits_of <- function(agg, prefix) {
  agg <- agg[order(agg$group), ]
  cols <- if (prefix == "od") c("OD95LCL", "OD95UCL", "OD99LCL", "OD99UCL") else c("LCL95", "UCL95", "LCL99", "UCL99")
  list(group = as.character(agg$group), expected = agg$denominator,
       low95 = agg[[cols[1]]], high95 = agg[[cols[2]]], low998 = agg[[cols[3]]], high998 = agg[[cols[4]]])
}

peer <- function(d) {
  shmi <- quiet(funnel_plot(d, observed, expected, group, data_type = "SR", sr_method = "SHMI",
                            draw_adjusted = TRUE, SHMI_rounding = FALSE, limit = 95))
  cqc <- quiet(funnel_plot(d, observed, expected, group, data_type = "SR", sr_method = "CQC",
                           draw_adjusted = TRUE, limit = 95))
  none <- quiet(funnel_plot(d, observed, expected, group, data_type = "SR", sr_method = "SHMI",
                            draw_adjusted = FALSE, draw_unadjusted = TRUE, SHMI_rounding = FALSE, limit = 95))

  # The log transform with FunnelPlotR's winsorisation, step by step as funnel_plot does.
  agg <- data.frame(group = d$group, numerator = d$observed, denominator = d$expected)
  agg <- FunnelPlotR:::transformed_zscore(agg, data_type = "SR", sr_method = "SHMI")
  agg <- FunnelPlotR:::winsorisation(agg, trim_by = 0.1)
  n <- sum(!is.na(agg$Wuzscore))
  phi_w <- FunnelPlotR:::phi_func(n, agg$Wuzscore)
  tau2_w <- FunnelPlotR:::tau_func(n, phi_w, agg$s)
  lim <- FunnelPlotR:::calculate_limits(data.frame(number_seq = d$expected), "SR", "SHMI", 1, tau2_w, 1, draw_adjusted = TRUE)

  # SPEC §7's multiplicative φ in base R (no FunnelPlotR peer).
  z <- (d$observed - d$expected) / sqrt(d$variance)
  q <- quantile(z, c(0.1, 0.9), type = 7)
  phi_m <- mean(pmin(pmax(z, q[1]), q[2])^2)
  se <- sqrt(max(phi_m, 1) * d$variance) / d$expected

  list(
    group = d$group, observed = d$observed, expected = d$expected, variance = d$variance,
    shmi = c(list(phi = shmi$phi, tau2 = shmi$tau2, draw_adjusted = shmi$draw_adjusted), limits_of(shmi$aggregated_data, "od")),
    shmi_winsorised = list(phi = phi_w, tau2 = tau2_w, z = agg$Uzscore, winsorised_z = agg$Wuzscore,
                           low95 = lim$odll95, high95 = lim$odul95, low998 = lim$odll998, high998 = lim$odul998),
    cqc = c(list(phi = cqc$phi, tau2 = cqc$tau2, draw_adjusted = cqc$draw_adjusted), limits_of(cqc$aggregated_data, "od")),
    none = c(list(phi = none$phi, tau2 = none$tau2), limits_of(none$aggregated_data, "")),
    multiplicative = list(phi = phi_m, low95 = 1 - qnorm(0.975) * se, high95 = 1 + qnorm(0.975) * se,
                          low998 = 1 - qnorm(0.999) * se, high998 = 1 + qnorm(0.999) * se)
  )
}

out <- list(generator = "Tests/FSIIIStatisticsTests/Fixtures/peers/funnelplotr.R", r_version = R.version.string,
            funnelplotr_version = as.character(packageVersion("FunnelPlotR")),
            datasets = lapply(datasets, peer))
path <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "funnelplotr.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), path)
cat("wrote", path, "\n")
