module example.com/stdmod

go 1.26
