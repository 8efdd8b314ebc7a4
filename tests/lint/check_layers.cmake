# Layer lint (DESIGN.md §2). Run as:
#   cmake -DLS_ROOT=<source tree> [-DLS_QT_INCLUDE_ROOT=<qt6 include dir>] [-DLS_LINK_INFO=<file>]
#         [-DLS_HEADLESS_BINARIES=<list>] -P check_layers.cmake
# Fails (non-zero exit, one line per violation) when:
#  - core/, app/node or app/cli include a header of Qt Gui, Widgets, Pdf, Multimedia (or kin);
#  - core/ or app/ include libtorrent outside core/swarm, or sqlite3 outside core/storage;
#  - ui/ includes libtorrent, sqlite3, libsodium or secp256k1 headers, or core/ outside core/api
#    and core/util (the value types core/api speaks in);
#  - the link line of ls_core names a Qt Gui-side module, or ls_ui names a crypto/storage/torrent
#    library directly (LS_LINK_INFO, written by CMake at generate time);
#  - a headless executable (lightstreams-node, lightstreams-cli) depends on libQt6Gui/Widgets.
cmake_minimum_required(VERSION 3.25)

if(NOT LS_ROOT)
  message(FATAL_ERROR "check_layers: LS_ROOT not set")
endif()

set(_violations "")
macro(_violation text)
  list(APPEND _violations "${text}")
endmacro()

# Modules whose headers core must never include. Directory names as Qt installs them.
set(_gui_side_modules QtGui QtWidgets QtPdf QtPdfWidgets QtMultimedia QtMultimediaWidgets
    QtOpenGL QtOpenGLWidgets QtSvg QtSvgWidgets QtQuick QtQml QtPrintSupport)
string(JOIN "|" _gui_side_alternation ${_gui_side_modules})

# Forwarding headers (QPixmap, QWidget, …) of those modules, from the installed Qt, plus patterns
# for the modules that may not be installed on this machine.
set(_forbidden_core_names "")
if(LS_QT_INCLUDE_ROOT)
  foreach(_module IN LISTS _gui_side_modules)
    if(IS_DIRECTORY "${LS_QT_INCLUDE_ROOT}/${_module}")
      file(GLOB _headers RELATIVE "${LS_QT_INCLUDE_ROOT}/${_module}" "${LS_QT_INCLUDE_ROOT}/${_module}/Q*")
      list(APPEND _forbidden_core_names ${_headers})
    endif()
  endforeach()
endif()
set(_forbidden_core_pattern "^(${_gui_side_alternation})(/|$)|^Q(Pdf|Media|Audio|Video|Camera|Sound|Widget|Pixmap|Image|Painter|Icon)")

function(_collect_includes file out_var)
  file(STRINGS "${file}" _lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  set(_result "")
  foreach(_line IN LISTS _lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*$" "\\1" _header "${_line}")
    list(APPEND _result "${_header}")
  endforeach()
  set(${out_var} "${_result}" PARENT_SCOPE)
endfunction()

# --- core/, app/node, app/cli: no Gui-side Qt headers -------------------------------------
file(GLOB_RECURSE _headless_sources
  "${LS_ROOT}/core/*.h" "${LS_ROOT}/core/*.cpp"
  "${LS_ROOT}/app/node/*.h" "${LS_ROOT}/app/node/*.cpp"
  "${LS_ROOT}/app/cli/*.h" "${LS_ROOT}/app/cli/*.cpp")
foreach(_file IN LISTS _headless_sources)
  _collect_includes("${_file}" _includes)
  file(RELATIVE_PATH _rel "${LS_ROOT}" "${_file}")
  foreach(_header IN LISTS _includes)
    if(_header MATCHES "${_forbidden_core_pattern}")
      _violation("${_rel}: includes <${_header}>: core and headless apps never use Qt Gui/Widgets/Pdf/Multimedia")
    elseif(_header IN_LIST _forbidden_core_names)
      _violation("${_rel}: includes <${_header}>, a Qt Gui-side header: core and headless apps never use Qt Gui/Widgets/Pdf/Multimedia")
    endif()
  endforeach()
endforeach()

# --- libtorrent and sqlite3 types stay inside their module ----------------------------------
file(GLOB_RECURSE _all_sources
  "${LS_ROOT}/core/*.h" "${LS_ROOT}/core/*.cpp" "${LS_ROOT}/app/*.h" "${LS_ROOT}/app/*.cpp")
foreach(_file IN LISTS _all_sources)
  _collect_includes("${_file}" _includes)
  file(RELATIVE_PATH _rel "${LS_ROOT}" "${_file}")
  foreach(_header IN LISTS _includes)
    if(_header MATCHES "^libtorrent/" AND NOT _rel MATCHES "^core/swarm/")
      _violation("${_rel}: includes <${_header}>: libtorrent stays inside core/swarm")
    elseif(_header MATCHES "^sqlite3\\.h$" AND NOT _rel MATCHES "^core/storage/")
      _violation("${_rel}: includes <${_header}>: sqlite3 stays inside core/storage")
    endif()
  endforeach()
endforeach()

# --- ui/: third-party core libraries stay in core; core reached through core/api only -------
file(GLOB_RECURSE _ui_sources "${LS_ROOT}/ui/*.h" "${LS_ROOT}/ui/*.cpp")
foreach(_file IN LISTS _ui_sources)
  _collect_includes("${_file}" _includes)
  file(RELATIVE_PATH _rel "${LS_ROOT}" "${_file}")
  foreach(_header IN LISTS _includes)
    if(_header MATCHES "^(libtorrent/|sqlite3\\.h|sodium\\.h|sodium/|secp256k1)")
      _violation("${_rel}: includes <${_header}>: ui reaches libtorrent, sqlite3, libsodium and secp256k1 only through core/api")
    elseif(_header MATCHES "^core/" AND NOT _header MATCHES "^core/(api|util)/")
      _violation("${_rel}: includes \"${_header}\": ui reaches core only through core/api")
    endif()
  endforeach()
endforeach()

# --- link lines -------------------------------------------------------------------------
if(LS_LINK_INFO)
  file(STRINGS "${LS_LINK_INFO}" _link_lines)
  foreach(_line IN LISTS _link_lines)
    if(_line MATCHES "^([a-z_]+)=(.*)$")
      set(_target "${CMAKE_MATCH_1}")
      string(REPLACE "," ";" _libs "${CMAKE_MATCH_2}")
      foreach(_lib IN LISTS _libs)
        if(_target STREQUAL "core" AND _lib MATCHES "Qt6?::(Gui|Widgets|Pdf|PdfWidgets|Multimedia|MultimediaWidgets|OpenGL|Svg|Quick|Qml)$|Qt6(Gui|Widgets|Pdf|Multimedia)")
          _violation("ls_core links ${_lib}: core never links Qt Gui/Widgets/Pdf/Multimedia")
        endif()
        if(_target STREQUAL "ui" AND _lib MATCHES "SODIUM|SECP256K1|sodium|secp256k1|torrent|sqlite3|SQLite")
          _violation("ls_ui links ${_lib} directly: ui reaches it only through ls_core")
        endif()
      endforeach()
    endif()
  endforeach()
endif()

foreach(_binary IN LISTS LS_HEADLESS_BINARIES)
  if(NOT EXISTS "${_binary}")
    _violation("${_binary} was not built")
    continue()
  endif()
  execute_process(COMMAND readelf -d "${_binary}" OUTPUT_VARIABLE _dynamic RESULT_VARIABLE _status)
  if(NOT _status EQUAL 0)
    _violation("readelf failed on ${_binary}")
  elseif(_dynamic MATCHES "libQt6(Gui|Widgets|Pdf|Multimedia)[^ \n]*")
    get_filename_component(_name "${_binary}" NAME)
    _violation("${_name} depends on ${CMAKE_MATCH_0}: headless executables never link Qt Gui-side modules")
  endif()
endforeach()

list(LENGTH _violations _count)
if(_count GREATER 0)
  foreach(_v IN LISTS _violations)
    message("layer violation: ${_v}")
  endforeach()
  message(FATAL_ERROR "${_count} layer violation(s)")
endif()
list(LENGTH _headless_sources _n_core)
list(LENGTH _ui_sources _n_ui)
message("layers ok: ${_n_core} headless sources, ${_n_ui} ui sources checked")
