// Package thirdparty pins the logging libraries whose sink rows the sinks
// test checks against their real signatures.
package thirdparty

import (
	_ "github.com/golang/glog"
	_ "github.com/rs/zerolog"
	_ "github.com/rs/zerolog/log"
	_ "github.com/sirupsen/logrus"
	_ "go.uber.org/zap"
	_ "k8s.io/klog/v2"
)
