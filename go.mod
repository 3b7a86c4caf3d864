module github.com/docsurvey/docsurvey

go 1.26.8
