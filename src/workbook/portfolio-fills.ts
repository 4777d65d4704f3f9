/** Fill per R58 urgency level (1 = cancelled … 8 = no urgency: no fill), shared by the portfolio workbook and the Cartera sheet. */
export const URGENCY_FILLS: readonly (string | null)[] = ["FFC00000", "FFFF7C80", "FFFFC000", "FFFFE699", "FFFFF2CC", "FFE2EFDA", "FFDDEBF7", null];
