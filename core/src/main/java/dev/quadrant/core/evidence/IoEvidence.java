package dev.quadrant.core.evidence;

import java.util.List;
import java.util.Map;

/**
 * The window's IO evidence: slow socket and file operations, small unbuffered file calls, host name look-ups, where
 * files are opened and not closed, and (after an fd-leak finding) what the open descriptors are by kind.
 */
public record IoEvidence(List<SocketEndpoint> sockets, List<FileIo> files, TinyIo tinyIo, List<HostLookups> hostLookups,
                         List<OpenFileSite> openFiles, Map<String, Long> descriptorKinds) {}
