package main

// snippet is one kind of code a layered package is filled with.
type snippet struct {
	name    string
	weight  int
	boost   string // package kind in which the snippet is three times as likely
	generic bool   // works on any model type; otherwise picks its own
	once    bool   // at most once per package
	gen     func(g *pkgGen, t *modelType) string
}

var pool []snippet

func init() {
	pool = []snippet{
		{name: "logPII", weight: 5, boost: "audit", generic: true, gen: logPII},
		{name: "logSafe", weight: 3, boost: "audit", generic: true, gen: logSafe},
		{name: "logMasked", weight: 3, generic: true, gen: logMasked},
		{name: "sprintf", weight: 3, boost: "svc", generic: true, gen: sprintfSnippet},
		{name: "builder", weight: 2, generic: true, gen: builderSnippet},
		{name: "concat", weight: 2, boost: "svc", generic: true, gen: concatSnippet},
		{name: "errorf", weight: 3, boost: "svc", generic: true, gen: errorfSnippet},
		{name: "sentinel", weight: 2, boost: "repo", generic: true, gen: sentinelSnippet},
		{name: "collections", weight: 3, boost: "repo", generic: true, gen: collectionsSnippet},
		{name: "closure", weight: 2, generic: true, gen: closureSnippet},
		{name: "goroutines", weight: 2, boost: "job", generic: true, gen: goroutinesSnippet},
		{name: "stream", weight: 1, boost: "job", generic: true, gen: streamSnippet},
		{name: "generics", weight: 2, generic: true, once: true, gen: genericsSnippet},
		{name: "csv", weight: 2, boost: "repo", generic: true, gen: csvSnippet},
		{name: "wrapper", weight: 3, boost: "audit", generic: true, gen: wrapperSnippet},
		{name: "slogWrapper", weight: 2, boost: "audit", generic: true, gen: slogWrapperSnippet},
		{name: "stats", weight: 2, generic: true, gen: statsSnippet},
		{name: "json", weight: 1, boost: "http", generic: true, gen: jsonSnippet},
		{name: "handler", weight: 1, boost: "http", generic: true, gen: handlerSnippet},
		{name: "context", weight: 1, boost: "job", generic: true, gen: contextSnippet},
		{name: "nested", weight: 2, gen: nestedSnippet},
		{name: "dto", weight: 2, boost: "http", gen: dtoSnippet},
		{name: "profile", weight: 2, gen: profileSnippet},
		{name: "segment", weight: 1, gen: segmentSnippet},
		{name: "fixtures", weight: 1, boost: "repo", once: true, gen: fixturesSnippet},
		{name: "review", weight: 3, boost: "svc", generic: true, gen: reviewSnippet},
		{name: "merge", weight: 2, boost: "repo", gen: mergeSnippet},
		{name: "diff", weight: 2, boost: "audit", generic: true, gen: diffSnippet},
		{name: "retry", weight: 2, boost: "job", generic: true, gen: retrySnippet},
		{name: "paginate", weight: 2, boost: "http", generic: true, gen: paginateSnippet},
	}
}

// pickSnippet draws a snippet by weight, honoring the package kind and
// the once flags; genericOnly restricts the draw to generic snippets.
func pickSnippet(g *pkgGen, genericOnly bool) snippet {
	total := 0
	weights := make([]int, len(pool))
	for i, s := range pool {
		if (genericOnly && !s.generic) || (s.once && g.once[s.name]) {
			continue
		}
		w := s.weight
		if s.boost == g.p.kind {
			w *= 3
		}
		weights[i] = w
		total += w
	}
	r := g.rng.IntN(total)
	for i, w := range weights {
		if r < w {
			if pool[i].once {
				g.once[pool[i].name] = true
			}
			return pool[i]
		}
		r -= w
	}
	panic("unreachable")
}
