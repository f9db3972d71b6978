package measures

import "embed"

// Files are the editions szsoft ships, each a TOML file beside the
// published text it quotes (docs/contract.md §10): sz2022.toml and
// sz2022.txt, 深府规〔2022〕5号. Package internal/edition reads them.
//
//go:embed *.toml *.txt
var Files embed.FS

// BuiltinFiles are the built-in editions' files in order: the first is the
// edition szsoft describes when no date says otherwise.
var BuiltinFiles = []string{"sz2022.toml"}
