# Writes enaho-500-small.sav (uncompressed) and enaho-500-small-compressed.sav (bytecode compression)
# from enaho-500-small.csv with upper-case variable names, as INEI's .sav files have
# (haven, Debian r-cran-haven). Run: Rscript make-sav.R (from this folder).
suppressMessages(library(haven))
d <- read.csv("enaho-500-small.csv", colClasses = "character", check.names = FALSE)
names(d) <- toupper(names(d))
names(d)[1] <- "ANIO"
num <- setdiff(names(d), c("CONGLOME", "VIVIENDA", "HOGAR", "CODPERSO", "UBIGEO", "MES"))
for (v in num) d[[v]] <- as.numeric(d[[v]])
write_sav(d, "enaho-500-small.sav", compress = "none")
write_sav(d, "enaho-500-small-compressed.sav", compress = "byte")
