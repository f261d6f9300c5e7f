// Package thirdparty pins the logging, export and network libraries whose sink rows the sinks
// test checks against their real signatures.
package thirdparty

import (
	_ "github.com/coder/websocket"
	_ "github.com/coder/websocket/wsjson"
	_ "github.com/go-kit/log"
	_ "github.com/go-kit/log/level"
	_ "github.com/go-logr/logr"
	_ "github.com/gocarina/gocsv"
	_ "github.com/golang/glog"
	_ "github.com/gorilla/websocket"
	_ "github.com/hashicorp/go-hclog"
	_ "github.com/jlaffaye/ftp"
	_ "github.com/jszwec/csvutil"
	_ "github.com/rs/zerolog"
	_ "github.com/rs/zerolog/log"
	_ "github.com/sirupsen/logrus"
	_ "github.com/tealeg/xlsx/v3"
	_ "github.com/xuri/excelize/v2"
	_ "github.com/zerodha/logf"
	_ "go.uber.org/zap"
	_ "google.golang.org/grpc"
	_ "k8s.io/klog/v2"
)
