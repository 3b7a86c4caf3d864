// Package stats holds the few formulas docsurvey needs to say how sure a
// survey percentage is: the Wilson score interval for one proportion and
// three intervals for the difference of two, each at 95%.
//
//   - Wilson (1927), as recommended by Brown, Cai & DasGupta (2001) and
//     used by statsmodels' proportion_confint(method="wilson"): Wilson.
//   - Newcombe's hybrid score interval (1998, Statistics in Medicine
//     17:873–890, method 10) for proportions from independent samples:
//     NewcombeDiff.
//   - The Wald interval of a difference of two shares of one multinomial
//     (two answers of one single-choice question, asked of the same n
//     people), Var(p1−p2) = (p1+p2−(p1−p2)²)/n: MultinomialDiff.
//   - A conservative bound for two proportions of the same respondents
//     whose overlap is unknown (two items of a multi-answer question):
//     Newcombe's square-and-add with the correlation at its worst (−1), so
//     the two Wilson distances add: ConservativeDiff.
//
// Every proportion is a share from 0 to 1 and every n a count of
// respondents; the functions are pure and total: a bad input (n < 1, a
// share outside [0, 1], NaN) gives ok false rather than a wrong interval.
// docs/statistics.md gives each formula with its assumption and a worked
// example from the shipped data.
package stats
