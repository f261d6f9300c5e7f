module example.com/loggers

go 1.26.0

require (
	github.com/go-kit/log v0.2.1
	github.com/go-logr/logr v1.4.4
	github.com/golang/glog v1.2.5
	github.com/hashicorp/go-hclog v1.6.3
	github.com/rs/zerolog v1.34.0
	github.com/sirupsen/logrus v1.10.2
	go.uber.org/zap v1.28.0
	k8s.io/klog/v2 v2.140.0
)

require (
	github.com/fatih/color v1.13.0 // indirect
	github.com/go-logfmt/logfmt v0.5.1 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.19 // indirect
	go.uber.org/multierr v1.10.0 // indirect
	golang.org/x/sys v0.13.0 // indirect
)
