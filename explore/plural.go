package explore

// Counting things in words. Every count docsurvey shows with a noun goes
// through these, so that none reads "1 sources": the noun (or verb) is
// given in both forms, because English plurals are not always an added s
// ("1 person", "2 people") and a verb agrees the other way ("1 differs",
// "2 differ").

// Plural returns one when n is 1 and many otherwise (0 takes the plural:
// "0 sources").
func Plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return one
	}
	return many
}

// Count writes a count in digits with its noun: "1 source", "10 sources",
// "4,033 respondents".
func Count(n int, one, many string) string {
	return FormatNumber(float64(n)) + " " + Plural(n, one, many)
}

// CountWords writes a count as prose does, small numbers in words: "one
// source", "nine sites", "4,033 respondents" (see CountWord).
func CountWords(n int, one, many string) string {
	return CountWord(n) + " " + Plural(n, one, many)
}
