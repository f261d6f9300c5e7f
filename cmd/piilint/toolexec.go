package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// toolexecEnv is set in the environment of the go vet that standalone
// runs with -toolexec naming this executable: the go command then runs
// every build tool through it (see toolexec).
const toolexecEnv = "PIILINT_TOOLEXEC"

// Why piilint stands in for the compiler.
//
// go vet compiles every dependency of the packages it checks before it
// vets them: its action graph makes a package's vet action depend on the
// compile actions of its imports. The vet tool does not read what they
// produce: since x/tools' unitchecker keeps the types of a package in its
// own vetx file, the export data of the compiled archives goes unused
// (the configuration's PackageFile). On a service with a real dependency
// graph the compiles are nine tenths of a cold run.
//
// So the standalone command runs go vet with -toolexec naming itself, and
// answers for the compiler, the assembler and pack with an empty archive
// that carries the build ID the go command asked for. Every other tool
// (cgo, the vet tool) runs as asked. The stand-in reports a version of
// its own (stubSuffix) in its -V=full line, which is the tool's ID in the
// go command's action IDs: what it produces is cached under keys of its
// own, never mistaken for a compiled package by go build or go test.

// stubSuffix ends the -V=full line of a tool piilint stands in for.
const stubSuffix = " piilint-stub"

// isToolexec reports whether this process runs a build tool for go vet:
// the environment says so, and the first argument is the tool (the path
// of a go tool, or the name of a C compiler the go command queries), not
// a flag or a vet.cfg file of the vet protocol, which the go command
// sometimes runs without -toolexec (the -flags query).
func isToolexec(args []string) bool {
	return os.Getenv(toolexecEnv) != "" && len(args) > 0 && !strings.HasPrefix(args[0], "-") && !strings.HasSuffix(args[0], ".cfg")
}

// toolexec runs the tool of args[0] with the rest of args, or stands in
// for it, and exits.
func toolexec(args []string) {
	tool, rest := args[0], args[1:]
	if self(tool) {
		// The vet tool is this executable: run it here rather than in a
		// process of its own (one per package).
		os.Unsetenv(toolexecEnv)
		os.Args = args // unitchecker parses the command line from os.Args
		vetTool(rest)
		return
	}
	name := strings.TrimSuffix(filepath.Base(tool), ".exe")
	switch name {
	case "compile", "asm", "pack":
		if err := stub(name, rest); err != nil {
			fmt.Fprintf(os.Stderr, "piilint: standing in for %s: %v\n", name, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	cmd := exec.Command(tool, rest...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// The vet tool is this executable again: it is not to run tools.
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, toolexecEnv+"=") })
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.ExitCode())
		}
		fmt.Fprintf(os.Stderr, "piilint: %v\n", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// self reports whether path is this executable.
func self(path string) bool {
	exe, err := os.Executable()
	if err != nil {
		return false
	}
	a, err1 := os.Stat(exe)
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// stub does what go vet needs of compile, asm or pack: the -V=full line,
// and the files named by -o (an archive with the build ID for compile,
// empty otherwise), -asmhdr and -symabis output.
func stub(name string, args []string) error {
	args, err := expandArgs(args)
	if err != nil {
		return err
	}
	if len(args) == 1 && args[0] == "-V=full" {
		// The release form of the line ("compile version go1.26.8"), of a
		// version of its own: what the stand-in writes does not depend
		// on the real tool's.
		fmt.Printf("%s version%s\n", name, stubSuffix)
		return nil
	}
	if name == "pack" {
		return nil // the archive stays the stand-in's
	}
	var out, buildID, asmhdr string
	for i := 0; i < len(args); i++ {
		flag, value, hasValue := strings.Cut(args[i], "=")
		switch flag {
		case "-o", "-buildid", "-asmhdr":
		default:
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			value = args[i]
		}
		switch flag {
		case "-o":
			out = value
		case "-buildid":
			buildID = value
		case "-asmhdr":
			asmhdr = value
		}
	}
	if out == "" {
		return errors.New("no -o")
	}
	if asmhdr != "" {
		if err := os.WriteFile(asmhdr, nil, 0o666); err != nil {
			return err
		}
	}
	if name == "asm" {
		return os.WriteFile(out, nil, 0o666)
	}
	return os.WriteFile(out, stubArchive(buildID), 0o666)
}

// stubArchive is an archive with the header go tooling reads a build ID
// from (cmd/internal/buildid): its __.PKGDEF member's first lines.
func stubArchive(buildID string) []byte {
	def := fmt.Sprintf("go object %s %s %s%s\nbuild id %q\n\n", runtime.GOOS, runtime.GOARCH, runtime.Version(), stubSuffix, buildID)
	var b bytes.Buffer
	b.WriteString("!<arch>\n")
	fmt.Fprintf(&b, "%-16s%-12d%-6d%-6d%-8o%-10d`\n", "__.PKGDEF", 0, 0, 0, 0o644, len(def))
	b.WriteString(def)
	if len(def)%2 == 1 {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// expandArgs replaces the @file arguments with which the go command
// passes long command lines by the arguments the file holds, one per
// line, with \n and \\ escaped (cmd/internal/objabi.DecodeArg).
func expandArgs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		file, ok := strings.CutPrefix(a, "@")
		if !ok {
			out = append(out, a)
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for l := range strings.SplitSeq(strings.TrimSpace(strings.ReplaceAll(string(data), "\r", "")), "\n") {
			out = append(out, decodeArg(l))
		}
	}
	return out, nil
}

// decodeArg undoes the escaping of a response file's line.
func decodeArg(arg string) string {
	if !strings.Contains(arg, `\`) {
		return arg
	}
	var b strings.Builder
	for i := 0; i < len(arg); i++ {
		if arg[i] == '\\' && i+1 < len(arg) {
			switch arg[i+1] {
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			}
		}
		b.WriteByte(arg[i])
	}
	return b.String()
}
