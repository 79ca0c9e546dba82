package org.hetao.estation.hall.web;

import org.hetao.estation.hall.internal.Board;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The hall's display board and its stream of updates. Public: it hangs on the hall's wall. */
@Controller
class BoardController {

	private final Board board;

	BoardController(Board board) {
		this.board = board;
	}

	@GetMapping("/hall/board")
	String board(Model model) {
		model.addAllAttributes(board.model(board.snapshot()));
		return "hall/board";
	}

	@GetMapping(path = "/hall/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream() {
		return board.connect();
	}

}
