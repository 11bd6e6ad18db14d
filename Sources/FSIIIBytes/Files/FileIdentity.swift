import Foundation

/// Where a path leads on disk, to tell whether two paths name one file:
/// `report.csv`, `./report.csv`, `out/../report.csv`, a symbolic link to
/// it and a hard link to it are all the same file. Used to refuse an
/// output that would overwrite an input or another output before anything
/// is read.
package struct FileIdentity: Sendable, Hashable {
    /// The path made absolute, with `.`, `..` and symbolic links resolved
    /// as far as it exists.
    package let resolvedPath: String
    /// Device and inode, when the file exists.
    package let device: UInt64?
    package let inode: UInt64?
    /// Whether the path is a character device such as `/dev/null`, which
    /// any number of outputs may write to.
    package let isCharacterDevice: Bool

    package init(path: String) {
        resolvedPath = Self.resolve(path)
        var info = stat()
        if stat(path, &info) == 0 {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            isCharacterDevice = (info.st_mode & S_IFMT) == S_IFCHR
        } else {
            device = nil
            inode = nil
            isCharacterDevice = false
        }
    }

    /// Whether both name the same file: the same device and inode when
    /// both exist, else the same resolved path.
    package func isSameFile(as other: FileIdentity) -> Bool {
        if let device, let inode, let otherDevice = other.device, let otherInode = other.inode {
            return device == otherDevice && inode == otherInode
        }
        return resolvedPath == other.resolvedPath
    }

    /// `realpath` of the longest part of `path` that exists, with the rest
    /// appended and `.`/`..` removed from it by name.
    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let r = realpath(absolute, nil) {
            defer { free(r) }
            return String(cString: r)
        }
        var existing = absolute
        var rest: [String] = []
        while existing != "/" && !existing.isEmpty {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
            if let r = realpath(existing, nil) {
                defer { free(r) }
                return normalized(String(cString: r), rest)
            }
        }
        return normalized("/", rest)
    }

    private static func normalized(_ base: String, _ rest: [String]) -> String {
        var parts = base.split(separator: "/").map(String.init)
        for part in rest {
            switch part {
            case "", ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
