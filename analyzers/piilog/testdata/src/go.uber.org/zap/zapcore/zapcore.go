// Package zapcore is a stub of go.uber.org/zap/zapcore with the real
// signatures of what the tests use.
package zapcore

// FieldType says how a Field is encoded.
type FieldType uint8

const (
	UnknownType FieldType = iota
	ArrayMarshalerType
	ObjectMarshalerType
	BinaryType
	ByteStringType
	Int64Type
	StringType
	StringerType
	ReflectType
	ErrorType
	InlineMarshalerType
)

// ObjectEncoder is the encoder an ObjectMarshaler writes into.
type ObjectEncoder interface {
	AddString(key, value string)
	AddInt64(key string, value int64)
}

// ObjectMarshaler lets a type add itself to a log entry.
type ObjectMarshaler interface {
	MarshalLogObject(ObjectEncoder) error
}

// Field is a key and a value of a log entry.
type Field struct {
	Key       string
	Type      FieldType
	Integer   int64
	String    string
	Interface interface{}
}
