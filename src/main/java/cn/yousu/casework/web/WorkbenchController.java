package cn.yousu.casework.web;

import cn.yousu.casework.WorkQueues;
import cn.yousu.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的工作台: the queues that need the signed-in user now, each with its count and deadline badges. */
@Controller
class WorkbenchController {

    private final WorkQueues queues;

    WorkbenchController(WorkQueues queues) {
        this.queues = queues;
    }

    @GetMapping("/workbench")
    String workbench(Model model) {
        model.addAttribute("queues", queues.queues(CurrentActor.get()));
        return "casework/workbench";
    }
}
